#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library's text for the current `errno`, such as "No such file or directory".
func currentSystemErrorText() -> String {
    String(cString: strerror(errno))
}
