#if canImport(Glibc)
import Glibc
#endif

/// Starts `body` on a detached thread of its own (one per association,
/// DESIGN.md "Concurrency"); false when the system refuses a new thread.
func startDetachedThread(stackSize: Int = 4 << 20, _ body: @escaping @Sendable () -> Void) -> Bool {
    final class Box: @unchecked Sendable {   // handed to exactly one new thread
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
    let attributes = UnsafeMutablePointer<pthread_attr_t>.allocate(capacity: 1)
    pthread_attr_init(attributes)
    defer {
        pthread_attr_destroy(attributes)
        attributes.deallocate()
    }
    pthread_attr_setdetachstate(attributes, Int32(PTHREAD_CREATE_DETACHED))
    pthread_attr_setstacksize(attributes, stackSize)
    let box = Unmanaged.passRetained(Box(body))
    var thread: pthread_t = 0
    let rc = pthread_create(&thread, attributes, { argument in
        guard let argument else { return nil }
        let box = Unmanaged<Box>.fromOpaque(argument).takeRetainedValue()
        box.body()
        return nil
    }, box.toOpaque())
    if rc != 0 {
        box.release()
        errno = rc
        return false
    }
    return true
}
