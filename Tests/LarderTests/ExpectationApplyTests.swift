import Foundation
import Larder
import LarderCore
import LarderTestSupport
import Testing

@Suite struct ExpectationApplyTests {
    static let badDeclarations: [(LarderCore.Expectation, String)] = [
        (
            .notNull("amout"),
            "feature view 'payments', field 'expectations.rules[0].column': not_null: unknown column 'amout'"
        ),
        (
            .between("category", 0, 1),
            "field 'expectations.rules[0].column': between: between needs a numeric column, but 'category' is string"
        ),
        (.between("amount", 5, 1), "field 'expectations.rules[0].min': between: min 5.0 is greater than max 1.0"),
        (
            .matches("code", "(["),
            "field 'expectations.rules[0].pattern': matches: '([' is not a valid regular expression"
        ),
        (.inSet("amount", ["x"]), "in_set: \"x\" cannot be a value on column 'amount', which is float64"),
        (.maxNullFraction("amount", 2), "max_null_fraction: 2.0 is not between 0 and 1"),
        (.rowCount(min: 5, max: 1), "row_count: min 5 is greater than max 1"),
        (.matches("transaction_id", "x"), "matches: matches needs a string column, but 'transaction_id' is int64"),
    ]

    @Test(arguments: badDeclarations.indices) func applyRefusesABadDeclarationNamingViewAndColumn(index: Int) throws {
        let (expectation, message) = Self.badDeclarations[index]
        let repository = try ExpectationRepository(.notNull("amount"), policy: .reject)
        let registry = try Data(contentsOf: URL(fileURLWithPath: repository.store.registryFile.path))
        let error = try #require(throws: DefinitionErrors.self) {
            try repository.store.apply(ExpectationRepository.manifest([expectation], policy: .reject))
        }
        #expect(error.description.contains(message), "\(error)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: repository.store.registryFile.path)) == registry)
    }

    @Test func planShowsExpectationChanges() throws {
        let repository = try ExpectationRepository(.notNull("amount"), policy: .reject)
        let diff = try repository.store.plan(
            ExpectationRepository.manifest(
                [.notNull("amount"), .between("amount", 0.01, 100_000)], policy: .warn))
        let change = try #require(diff.changes.first)
        #expect(
            change.details == [
                "expectations policy: reject → warn", "expectation added: between(0.01, 100000) on 'amount'",
            ])
        let removal = try repository.store.plan(ExpectationRepository.manifest([], policy: .reject))
        #expect(removal.changes.first?.details == ["expectation removed: not_null on 'amount'"])
    }
}
