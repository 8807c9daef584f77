import Foundation
import LarderCore
import LarderTestSupport
import Testing

@testable import LarderTransforms

/// The expression corpus (`ExpressionCorpus`) through the interpreter: every value as worked
/// out by hand, and null in, null out.
@Suite struct ExpressionCorpusTests {
    @Test(arguments: ExpressionCorpus.all)
    func evaluates(_ example: ExpressionCorpus.Case) throws {
        let value = try TransformationHarness.evaluate(example.expression, example.request)
        #expect(TransformationHarness.sameBits(value, example.expected), "got \(value)")
    }

    /// Null in, null out: every function and operator gives null when any argument is null,
    /// except `if` (by its branch), `coalesce` and `is_null`.
    @Test(arguments: ExpressionCorpus.nullPropagating)
    func nullInNullOut(_ expression: FeatureExpression) throws {
        for name in expression.requestFields {
            var request = ExpressionCorpus.present
            request[name] = nil
            let value = try TransformationHarness.evaluate(expression, request)
            #expect(value == .null, "\(expression) without \(name) gave \(value)")
        }
        #expect(try TransformationHarness.evaluate(expression, ExpressionCorpus.present) != .null)
    }

}
