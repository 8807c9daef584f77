@testable import LarderServer
import Testing

/// `Content-Type` values read as JSON: `application/json`, any letter case, parameters allowed.
@Suite struct JSONMediaTypeTests {
    @Test(arguments: [
        ("application/json", true), ("APPLICATION/Json", true), ("application/json; charset=utf-8", true),
        ("application/json ;charset=utf-8", true), (" application/json", true), ("text/plain", false),
        ("application/jsonx", false), ("application/x-www-form-urlencoded", false), ("", false),
        ("application/problem+json", false),
    ])
    func jsonMediaTypes(value: String, accepted: Bool) {
        #expect(JSONMediaType.accepts(value) == accepted)
    }
}
