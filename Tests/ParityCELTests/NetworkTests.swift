import ParityCEL
import ParityTestSupport
import Testing

/// The IP and CIDR library, checked against what Kubernetes' CEL library (Go's netip) answers.
@Suite struct NetworkTests {
    private func checked(_ source: String) throws -> CELValue {
        try CEL.compile(source, declarations: CELDeclarations()).evaluate()
    }

    @Test(arguments: [
        // Canonical text: RFC 5952 for IPv6 (lowercase, longest zero run, first of equals).
        ("string(ip('10.0.0.1'))", "10.0.0.1"),
        ("string(ip('2001:DB8:0:0:1:0:0:1'))", "2001:db8::1:0:0:1"),
        ("string(ip('2001:db8:0:0:0:0:2:1'))", "2001:db8::2:1"),
        ("string(ip('::'))", "::"),
        ("string(ip('::1'))", "::1"),
        ("string(ip('fe80::'))", "fe80::"),
        ("string(ip('1:0:2:3:4:5:6:7'))", "1:0:2:3:4:5:6:7"),
        ("string(ip('64:ff9b::192.0.2.33'))", "64:ff9b::c000:221"),
        ("string(cidr('192.168.0.1/24'))", "192.168.0.1/24"),
        ("string(cidr('192.168.0.1/24').masked())", "192.168.0.0/24"),
        ("string(cidr('2001:db8:abcd:12::1/48').masked())", "2001:db8:abcd::/48"),
        ("string(cidr('192.168.0.1/24').ip())", "192.168.0.1"),
        ("string(ip(cidr('2001:db8::5/64')))", "2001:db8::5"),
    ])
    func canonicalText(_ source: String, _ expected: String) throws {
        #expect(try checked(source).celEquals(.string(expected)), "\(source)")
    }

    @Test(arguments: [
        "isIP('10.0.0.1')", "isIP('2001:db8::1')", "isIP('::ffff:c0a8:101') == false",
        "!isIP('10.0.0.01')", "!isIP('256.0.0.1')", "!isIP('10.0.0')", "!isIP('fe80::1%eth0')",
        "!isIP('1:2:3:4:5:6:7:8:9')",
        "!isIP('1::2::3')", "!isIP(':1')", "!isIP('1:')", "!isIP('::ffff:10.0.0.1')", "!isIP('')",
        "!isIP('10.0.0.0/8')",
        "isCIDR('10.0.0.0/8')", "isCIDR('::/0')", "!isCIDR('10.0.0.0/33')", "!isCIDR('2001:db8::/129')",
        "!isCIDR('10.0.0.0/08')",
        "!isCIDR('10.0.0.0')", "!isCIDR('10.400.0.0/16')",
        "ip('10.0.0.1').family() == 4", "ip('::1').family() == 6",
        "ip('127.0.0.1').isLoopback()", "ip('127.255.0.9').isLoopback()", "ip('::1').isLoopback()",
        "!ip('::2').isLoopback()",
        "ip('0.0.0.0').isUnspecified()", "ip('::').isUnspecified()", "!ip('10.0.0.1').isUnspecified()",
        "ip('224.0.0.251').isLinkLocalMulticast()", "ip('ff02::fb').isLinkLocalMulticast()",
        "!ip('239.0.0.1').isLinkLocalMulticast()",
        "ip('169.254.169.254').isLinkLocalUnicast()", "ip('fe80::1').isLinkLocalUnicast()",
        "!ip('fec0::1').isLinkLocalUnicast()",
        "ip('10.0.0.1').isGlobalUnicast()", "ip('2001:db8::1').isGlobalUnicast()",
        "!ip('255.255.255.255').isGlobalUnicast()",
        "!ip('224.0.0.1').isGlobalUnicast()", "!ip('ff00::1').isGlobalUnicast()",
        "cidr('10.0.0.0/16').containsIP(ip('10.0.255.255'))", "!cidr('10.0.0.0/16').containsIP('10.1.0.0')",
        "cidr('2001:db8::/32').containsIP('2001:db8:ffff::1')", "!cidr('2001:db8::/32').containsIP('10.0.0.1')",
        "cidr('10.0.0.0/8').containsCIDR(cidr('10.3.0.0/16'))", "cidr('10.0.0.0/8').containsCIDR('10.0.0.0/8')",
        "!cidr('10.3.0.0/16').containsCIDR('10.0.0.0/8')", "!cidr('::/0').containsCIDR('0.0.0.0/0')",
        "cidr('10.0.0.0/15').overlaps('10.0.0.0/16')", "cidr('10.1.0.0/16').overlaps('10.0.0.0/15')",
        "!cidr('10.2.0.0/16').overlaps('10.0.0.0/15')", "cidr('2001:db8::/32').overlaps(cidr('2001:db8:1::/48'))",
        "!cidr('2001:db8::/32').overlaps('2001:db9::/32')", "!cidr('0.0.0.0/0').overlaps('::/0')",
        "cidr('10.0.0.0/16').prefixLength() == 16", "cidr('::/0').prefixLength() == 0",
        "ip('10.0.0.1') == ip('10.0.0.1')", "ip('2001:db8::1') == ip('2001:DB8:0::1')",
        "ip('10.0.0.1') != ip('10.0.0.2')",
        "cidr('10.0.0.1/8') != cidr('10.0.0.0/8')", "cidr('10.0.0.1/8').masked() == cidr('10.0.0.0/8')",
        "type(ip('10.0.0.1')) == type(ip('::1'))",
    ])
    func holds(_ source: String) throws {
        #expect(try checked(source).celEquals(.bool(true)), "\(source)")
    }

    @Test(arguments: [
        ("ip('10.0.0.256')", "'10.0.0.256' is not an IP address"),
        ("ip('::ffff:10.0.0.1')", "IPv4-mapped"),
        ("cidr('10.0.0.0/40')", "'10.0.0.0/40' is not an address range"),
        ("cidr('10.0.0.0/8').containsIP('nope')", "'nope' is not an IP address"),
    ])
    func badTextIsAnError(_ source: String, _ message: String) throws {
        let error = try #require(celError { _ = try checked(source) })
        #expect(error.code == .invalidArgument)
        #expect(error.message.contains(message), "\(error.message)")
    }

    @Test func typesCheck() throws {
        #expect(
            try CEL.compile("cidr('10.0.0.0/8').containsIP(ip('10.0.0.1'))", declarations: CELDeclarations()).resultType
                == .bool)
        #expect(try CEL.compile("ip('::1')", declarations: CELDeclarations()).resultType == .object("net.IP"))
        let wrong = try #require(
            celError { _ = try CEL.compile("ip('::1').prefixLength()", declarations: CELDeclarations()) })
        #expect(wrong.code == .noSuchOverload)
        let mixed = try #require(
            celError { _ = try CEL.compile("ip('::1') == cidr('::/0')", declarations: CELDeclarations()) })
        #expect(mixed.code == .noSuchOverload)
    }

    @Test func valuesPrintAsTheirConstructors() throws {
        #expect(
            try checked("[ip('10.0.0.1'), cidr('2001:db8::/32')]").celLiteral
                == #"[ip("10.0.0.1"), cidr("2001:db8::/32")]"#)
    }
}

/// `cidrs(list)`: the index answers exactly what comparing every range with the query does.
@Suite struct CIDRSetTests {
    private func evaluate(_ source: String) throws -> CELValue {
        try CEL.compile(source, declarations: CELDeclarations()).evaluate()
    }

    @Test(arguments: [
        "cidrs(['10.0.0.0/16', '10.1.0.0/16']).overlaps('10.0.5.0/24')",
        "cidrs(['10.0.0.0/16']).overlaps(cidr('10.0.0.0/8'))",
        "!cidrs(['10.0.0.0/16']).overlaps('10.2.0.0/16')",
        "!cidrs([]).overlaps('0.0.0.0/0')",
        "cidrs(['10.0.0.0/16', '2001:db8::/32']).overlaps('2001:db8:1::/48')",
        "!cidrs(['10.0.0.0/16']).overlaps('::/0')",
        "cidrs(['10.0.0.0/8', '10.1.0.0/16', '192.168.0.0/16', '10.1.2.0/24']).overlapping('10.1.0.0/16') == [0, 1, 3]",
        "cidrs(['10.0.0.0/16', '10.0.0.0/16']).overlapping('10.0.1.0/24') == [0, 1]",
        "cidrs(['10.0.0.7/16']).overlapping('10.0.0.0/24') == [0]",
        "cidrs([cidr('10.0.0.0/16')]).overlaps('10.0.0.1/32')",
    ])
    func answers(_ source: String) throws {
        #expect(try evaluate(source).celEquals(.bool(true)), "\(source)")
    }

    @Test func typesCheckAndPrint() throws {
        #expect(
            try CEL.compile("cidrs(['10.0.0.0/8']).overlapping('10.0.0.0/16')", declarations: CELDeclarations())
                .resultType == .list(.int))
        #expect(try evaluate("cidrs(['10.0.0.0/8', '::/0'])").celLiteral == #"cidrs(["10.0.0.0/8", "::/0"])"#)
        let bad = try #require(celError { _ = try evaluate("cidrs(['10.0.0.0/8', 'nope'])") })
        #expect(bad.message.contains("'nope' is not an address range"), "\(bad.message)")
    }

    /// Random ranges of every length, both families: the index and the pairwise comparison agree.
    @Test func agreesWithComparingEveryRange() throws {
        var generator = SplitMix(seed: 20_261_202)
        func next(_ bound: Int) -> Int { Int(generator.next() % UInt64(bound)) }
        func random(_ family: Int) -> String {
            if family == 4 {
                // Few distinct high bytes, so ranges nest and collide often.
                let bytes = [10, next(3), next(4), next(256)]
                return bytes.map(String.init).joined(separator: ".") + "/\(next(33))"
            }
            let groups = ["2001", "db8", String(next(3), radix: 16), String(next(5), radix: 16)]
            return groups.joined(separator: ":") + "::/\(next(129))"
        }
        for round in 0..<20 {
            let members = (0..<60).map { _ in random(round % 2 == 0 ? 4 : 6) }
            let list = "[" + members.map { "'\($0)'" }.joined(separator: ", ") + "]"
            for _ in 0..<20 {
                let query = random(next(4) == 0 ? (round % 2 == 0 ? 6 : 4) : (round % 2 == 0 ? 4 : 6))
                let indexed = try evaluate("cidrs(\(list)).overlapping('\(query)')")
                let pairwise = try evaluate(
                    "\(list).map(m, cidr(m)).map(m, m.overlaps('\(query)') ? 1 : 0)")
                guard case .list(let flags) = pairwise else { Issue.record("not a list"); return }
                let expected = CELValue.list(
                    flags.enumerated().compactMap { $1.celEquals(.int(1)) ? .int(Int64($0)) : nil })
                #expect(indexed.celEquals(expected), "\(query) in \(list)")
            }
        }
    }
}
