import Foundation
import Synchronization
import Testing
@testable import ParityKit

@Suite struct ParallelTests {
    @Test func resultsComeBackInOrderAtEveryDepth() {
        let results = Parallel.map(7) { outer in
            Parallel.map(outer + 1) { inner in
                Parallel.map(3) { innermost in outer * 100 + inner * 10 + innermost }
            }
        }
        #expect(results.count == 7)
        for (outer, middle) in results.enumerated() {
            #expect(middle.count == outer + 1)
            for (inner, innermost) in middle.enumerated() {
                #expect(innermost == (0..<3).map { outer * 100 + inner * 10 + $0 })
            }
        }
        #expect(Parallel.map(0) { $0 }.isEmpty)
        #expect(Parallel.map(1) { $0 + 42 } == [42])
    }

    /// The pieces of a nested call run side by side: the first waits for the second to
    /// start, which it cannot do when nested work runs on one thread (as Dispatch's
    /// `concurrentPerform` runs it), and the wait would run out.
    @Test(.enabled(if: ProcessInfo.processInfo.activeProcessorCount > 1, "one core: pieces run in turn"))
    func nestedPiecesRunOnMoreThanOneThread() {
        let started = Mutex(Set<Int>())
        let sawTheOther = Parallel.map(2) { outer -> Bool in
            guard outer == 0 else { return true }  // done at once: its thread is free for the nested pieces
            return Parallel.map(2) { inner -> Bool in
                started.withLock { _ = $0.insert(inner) }
                let deadline = Date().addingTimeInterval(20)
                while Date() < deadline {
                    if started.withLock({ $0.count == 2 }) { return true }
                    usleep(1000)
                }
                return false
            }.allSatisfy { $0 }
        }
        #expect(sawTheOther == [true, true])
    }

    @Test func manyCallersAtOnceEachGetTheirOwnResults() {
        let sums = Parallel.map(16) { caller in
            Parallel.map(200) { caller * 1000 + $0 }.reduce(0, +)
        }
        #expect(sums == (0..<16).map { caller in (0..<200).reduce(0) { $0 + caller * 1000 + $1 } })
    }

    @Test func leftoversAreFreedOnAnotherThreadOnceTheCallerLetsGo() {
        let freed = Mutex<Bool?>(nil)  // whether on the thread that made them
        do {
            let leftovers = Leftovers()
            leftovers.keep(Canary { onMaker in freed.withLock { $0 = onMaker } })
            leftovers.keep([1, 2, 3])
            Leftovers.freeInBackground(leftovers)
        }
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, freed.withLock({ $0 == nil }) { usleep(1000) }
        #expect(freed.withLock { $0 } == false)
    }
}

/// Says, when it is freed, whether that happened on the thread that made it.
private final class Canary: @unchecked Sendable {
    let maker = pthread_self()
    let freed: (Bool) -> Void

    init(freed: @escaping (Bool) -> Void) {
        self.freed = freed
    }

    deinit {
        freed(pthread_equal(maker, pthread_self()) != 0)
    }
}
