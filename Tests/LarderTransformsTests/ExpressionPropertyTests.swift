import Foundation
import LarderCore
import LarderTestSupport
import Testing

@testable import LarderTransforms

/// Random expression trees: the checker's type is what the interpreter produces, the JSON
/// form decodes to the same tree, and the decoded tree computes the same bits.
@Suite struct ExpressionPropertyTests {
    @Test func randomTreesKeepTypesAndSurviveTheirJSONForm() throws {
        var rng = SeededGenerator(seed: 17)
        let generator = ExpressionGenerator()
        let environment = ExpressionEnvironment(
            requestFields: Dictionary(
                uniqueKeysWithValues: ExpressionGenerator.requestFields.map { ($0.name, $0.type) }))
        for round in 0..<400 {
            let wanted = ExpressionGenerator.types[round % ExpressionGenerator.types.count]
            let expression = generator.expression(of: wanted, depth: 4, using: &rng)
            let type = try expression.type(in: environment)
            let data = try JSONEncoder().encode(expression)
            let decoded = try JSONDecoder().decode(FeatureExpression.self, from: data)
            #expect(decoded == expression, "\(String(decoding: data, as: UTF8.self))")
            for _ in 0..<5 {
                let request = ExpressionGenerator.request(using: &rng)
                let value = try TransformationHarness.evaluate(expression, request)
                let again = try TransformationHarness.evaluate(decoded, request)
                #expect(TransformationHarness.sameBits(value, again), "\(expression) with \(request)")
                #expect(value.conforms(to: type), "\(expression) is \(type) but gave \(value) for \(request)")
            }
        }
    }
}
