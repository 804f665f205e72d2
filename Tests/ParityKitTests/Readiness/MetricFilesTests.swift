import Foundation
import ParityDiagnostics
import Testing
@testable import ParityKit

/// The offline sources: the text exposition format, OpenMetrics, the query API's JSON, and
/// the series selectors they answer.
@Suite struct MetricFilesTests {
    @Test func textFormatReadsLabelsValuesAndMillisecondTimestamps() throws {
        let text = """
            # HELP http_requests_total Requests.
            # TYPE http_requests_total counter
            http_requests_total{code="200",path="/a \\"quoted\\""} 1027 1395066363000
            http_requests_total{code="500"} NaN 1395066364000
            latency_p99 +Inf
            down -Inf
            """
        let series = try ExpositionParser(openMetrics: false).parse(text, file: "m.prom")
        #expect(series.count == 4)
        #expect(series[0].labels == ["__name__": "http_requests_total", "code": "200", "path": "/a \"quoted\""])
        #expect(series[0].samples == [Series.Sample(time: 1_395_066_363, value: 1027)])
        #expect(series[1].samples[0].value.isNaN)
        #expect(series[2].samples == [Series.Sample(time: nil, value: .infinity)])
        #expect(series[3].samples[0].value == -.infinity)
    }

    @Test func openMetricsReadsSecondsDropsExemplarsAndNeedsEOF() throws {
        let text =
            "# TYPE a gauge\na{x=\"1\"} 0.5 1700000000.5 # {trace_id=\"abc\"} 1.0\na{x=\"1\"} 0.7 1700000060\n# EOF\n"
        let series = try ExpositionParser(openMetrics: true).parse(text, file: "m.om")
        #expect(
            series == [
                Series(
                    labels: ["__name__": "a", "x": "1"],
                    samples: [.init(time: 1_700_000_000.5, value: 0.5), .init(time: 1_700_000_060, value: 0.7)])
            ])
        #expect(throws: Diagnostic.self) { try ExpositionParser(openMetrics: true).parse("a 1 1\n", file: "m.om") }
    }

    @Test func aBadLineIsLocated() {
        do {
            _ = try ExpositionParser(openMetrics: false).parse("ok 1\nbroken{a=\"1\"} twelve\n", file: "m.prom")
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description
                    == "m.prom:2:15: error: expected a sample value (a number, NaN, +Inf or -Inf), found 'twelve' [ready.invalid-file]"
            )
        }
    }

    @Test func queryAPIAnswersOfEveryResultType() throws {
        let vector =
            #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{"__name__":"up","job":"a"},"value":[1700000000,"NaN"]}]}}"#
        let matrix =
            #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"job":"a"},"values":[[1,"+Inf"],[2,"0.25"]]}]}}"#
        let scalar = #"{"status":"success","data":{"resultType":"scalar","result":[5,"-Inf"]}}"#
        let fromVector = try QueryResponse.series(from: Data(vector.utf8))
        #expect(fromVector.count == 1 && fromVector[0].labels["job"] == "a" && fromVector[0].samples[0].value.isNaN)
        #expect(
            try QueryResponse.series(from: Data(matrix.utf8))[0].samples == [
                .init(time: 1, value: .infinity), .init(time: 2, value: 0.25),
            ])
        #expect(try QueryResponse.series(from: Data(scalar.utf8))[0].samples == [.init(time: 5, value: -.infinity)])
        let empty = #"{"status":"success","data":{"resultType":"vector","result":[]}}"#
        #expect(try QueryResponse.series(from: Data(empty.utf8)).isEmpty)
        #expect(try QueryResponse.series(from: Data("[\(vector),\(matrix)]".utf8)).count == 2)
    }

    @Test func anErrorAnswerSaysWhatTheServerSaid() {
        let error = #"{"status":"error","errorType":"bad_data","error":"parse error: unclosed left parenthesis"}"#
        do {
            _ = try QueryResponse.series(from: Data(error.utf8))
            Issue.record("expected a failure")
        } catch {
            #expect(error.message == "the server answered an error: bad_data: parse error: unclosed left parenthesis")
        }
    }

    @Test func selectorsMatchAsPromQLDoes() throws {
        let selector = try #require(SeriesSelector(#"latency{environment="staging", service=~"check.*", zone!="b"}"#))
        #expect(selector.matches(["__name__": "latency", "environment": "staging", "service": "checkout-api"]))
        #expect(!selector.matches(["__name__": "latency", "environment": "staging", "service": "cart"]))
        #expect(
            !selector.matches(["__name__": "latency", "environment": "staging", "service": "checkout", "zone": "b"]))
        // Anchored: `check` alone does not match `checkout`.
        #expect(!(SeriesSelector(#"{service=~"check"}"#)?.matches(["service": "checkout"]) ?? true))
        #expect(SeriesSelector("sum(rate(x[5m]))") == nil)
        #expect(SeriesSelector("x offset 5m") == nil)
    }

    @Test func fileReaderWindowsAndInstants() throws {
        let series = Series(
            labels: ["__name__": "a"], samples: (0..<10).map { .init(time: Double(100 + 60 * $0), value: Double($0)) })
        let reader = FileReader(series: [series], file: "f.om")
        // (640 - 300, 640]: the samples at 400, 460, 520, 580, 640.
        #expect(try reader.read("a", at: 640, window: 300, step: 60)[0].samples.map(\.value) == [5, 6, 7, 8, 9])
        #expect(try reader.read("a", at: 650, window: nil, step: 60)[0].samples.map(\.value) == [9])
        #expect(try reader.read("a", at: 10_000, window: nil, step: 60).isEmpty)
        #expect(try reader.read("b", at: 640, window: 300, step: 60).isEmpty)
        #expect(throws: MetricReadFailure.self) { try reader.read("rate(a[5m])", at: 640, window: nil, step: 60) }
        #expect(reader.latestTime == 640)
    }

    @Test func reconciliationResultsFromCSVAndJSON() throws {
        let csv = try ReconciliationResults.csv(
            "Table,Source_Count,Target_Count,Difference,Status\norders,10,10,0,pass\n\"items, old\",NaN,3,,error\n",
            file: "r.csv")
        #expect(csv.rows.count == 2)
        #expect(csv.rows[1].table == "items, old" && csv.rows[1].source?.isNaN == true && csv.rows[1].difference == nil)
        let json = try ReconciliationResults.json(
            Data(#"[{"table":"orders","source":10,"target":"9","status":"fail"}]"#.utf8), file: "r.json")
        #expect(json.rows[0].target == 9 && json.rows[0].status == "fail")
        #expect(throws: Diagnostic.self) { try ReconciliationResults.csv("name_of_thing,count\n", file: "r.csv") }
    }

    @Test func thresholdsReadUnits() throws {
        let bound = try #require(Threshold("< 300ms"))
        #expect(bound.limit == 0.3 && bound.holds(for: 0.299) && !bound.holds(for: 0.3) && !bound.holds(for: .nan))
        #expect(bound.display(0.2125) == "212.5ms")
        #expect(Threshold("<= 0.1%")?.limit == 0.001)
        #expect(Threshold(">= 99.9%")?.holds(for: 0.9995) == true)
        #expect(Threshold("300ms") == nil && Threshold("< fast") == nil)
        #expect(Threshold.percentage("10%") == 0.1 && Threshold.percentage("10") == nil)
    }
}
