import Foundation
@testable import Larder
import LarderCore
import LarderTestSupport
import Testing

@Suite struct RegistryFileTests {
    struct SimulatedCrash: Error {}

    @Test func failureBetweenWriteAndRenameKeepsTheOldRegistry() throws {
        let directory = try TemporaryDirectory()
        let file = RegistryFile(path: directory.path + "/.larder/registry.json")
        var old = Registry(project: "p")
        old.manifest = SampleRepository.manifest()
        try file.write(old)
        var new = old
        new.manifest = SampleRepository.manifest(ttl: .days(1))
        #expect {
            try file.write(new, beforeRename: { throw SimulatedCrash() })
        } throws: { error in
            error is RegistryError && "\(error)".contains("SimulatedCrash")
        }
        #expect(try file.read() == old)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/.larder")
        #expect(leftovers == ["registry.json"])
        try file.write(new)
        #expect(try file.read() == new)
    }

    @Test func corruptRegistryIsAnErrorNamingTheFile() throws {
        let directory = try TemporaryDirectory()
        try directory.write("{\"registry_version\": 1}", to: "registry.json")
        #expect {
            try RegistryFile(path: directory.path + "/registry.json").read()
        } throws: { error in
            "\(error)".contains("registry.json") && "\(error)".contains("not a Larder registry")
        }
    }

    @Test func missingRegistryReadsAsNil() throws {
        let directory = try TemporaryDirectory()
        #expect(try RegistryFile(path: directory.path + "/none.json").read() == nil)
    }
}
