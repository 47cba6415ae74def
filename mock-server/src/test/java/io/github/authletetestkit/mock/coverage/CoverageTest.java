package io.github.authletetestkit.mock.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The coverage model: counting, listing what was never answered, merging, and its JSON and HTML. */
class CoverageTest {

    private static final Map<String, List<String>> CATALOG = catalog();

    private static Map<String, List<String>> catalog() {
        Map<String, List<String>> catalog = new LinkedHashMap<>();
        catalog.put("auth_token_api", List.of("INTERNAL_SERVER_ERROR", "INVALID_CLIENT", "BAD_REQUEST", "PASSWORD", "OK"));
        catalog.put("client_create_api", List.of());
        catalog.put("auth_introspection_api", List.of("BAD_REQUEST", "UNAUTHORIZED", "OK"));
        return catalog;
    }

    private static Coverage counted(String[]... calls) {
        CoverageCounter counter = new CoverageCounter();
        for (String[] call : calls) {
            counter.record(call[0], call[1], call[2]);
        }
        return Coverage.of(CATALOG, counter.counts());
    }

    @Test
    void countsCallsPerOperationActionAndResultCode() {
        Coverage coverage = counted(
                new String[] {"auth_token_api", "OK", "A050001"},
                new String[] {"auth_token_api", "OK", "A050001"},
                new String[] {"auth_token_api", "BAD_REQUEST", "A050201"},
                new String[] {"client_create_api", null, null},
                new String[] {null, null, "A001202"});

        Coverage.OperationCoverage token = coverage.operation("auth_token_api");
        assertThat(token.calls()).isEqualTo(3);
        assertThat(token.actions()).containsExactly(entry("INTERNAL_SERVER_ERROR", 0L), entry("INVALID_CLIENT", 0L),
                entry("BAD_REQUEST", 1L), entry("PASSWORD", 0L), entry("OK", 2L));
        assertThat(token.resultCodes()).containsExactly(entry("A050001", 2L), entry("A050201", 1L));
        assertThat(coverage.operation("client_create_api").calls()).isEqualTo(1);
        assertThat(coverage.calls()).as("a call to no operation is not counted").isEqualTo(4);
        assertThat(coverage.calledOperations()).isEqualTo(2);
        assertThat(coverage.actions()).isEqualTo(8);
        assertThat(coverage.coveredActions()).isEqualTo(2);
    }

    @Test
    void listsEveryActionNeverAnsweredAndEveryOperationNeverCalled() {
        Coverage coverage = counted(new String[] {"auth_token_api", "OK", "A050001"});

        assertThat(coverage.uncoveredActions()).containsExactly(
                entry("auth_token_api", List.of("INTERNAL_SERVER_ERROR", "INVALID_CLIENT", "BAD_REQUEST", "PASSWORD")),
                entry("auth_introspection_api", List.of("BAD_REQUEST", "UNAUTHORIZED", "OK")));
        assertThat(coverage.uncalledOperations()).containsExactly("client_create_api", "auth_introspection_api");
    }

    @Test
    void anActionTheSpecDoesNotListIsReportedToo() {
        Coverage coverage = counted(new String[] {"auth_token_api", "TOKEN_EXCHANGE", "A320001"}, new String[] {"echo_api", "X", null});

        assertThat(coverage.operation("auth_token_api").actions()).containsEntry("TOKEN_EXCHANGE", 1L).hasSize(6);
        assertThat(coverage.operation("echo_api").calls()).as("an operation outside the catalog").isEqualTo(1);
    }

    @Test
    void mergingAddsCallsActionsAndResultCodes() {
        Coverage first = counted(new String[] {"auth_token_api", "OK", "A050001"}, new String[] {"client_create_api", null, null});
        Coverage second = counted(new String[] {"auth_token_api", "OK", "A050001"}, new String[] {"auth_token_api", "PASSWORD", "A050002"},
                new String[] {"auth_introspection_api", "OK", "A056001"});

        Coverage merged = Coverage.empty().merge(first).merge(second);

        assertThat(merged.operation("auth_token_api").calls()).isEqualTo(3);
        assertThat(merged.operation("auth_token_api").actions()).containsEntry("OK", 2L).containsEntry("PASSWORD", 1L);
        assertThat(merged.operation("auth_token_api").resultCodes()).containsExactly(entry("A050001", 2L), entry("A050002", 1L));
        assertThat(merged.operation("client_create_api").calls()).isEqualTo(1);
        assertThat(merged.uncoveredActions().get("auth_introspection_api")).containsExactly("BAD_REQUEST", "UNAUTHORIZED");
        assertThat(merged.operations()).extracting(Coverage.OperationCoverage::operationId)
                .containsExactly("auth_token_api", "client_create_api", "auth_introspection_api");
        assertThat(merged.calls()).isEqualTo(first.calls() + second.calls());
    }

    @Test
    void clearingTheCounterStartsFromZero() {
        CoverageCounter counter = new CoverageCounter();
        counter.record("auth_token_api", "OK", "A050001");
        counter.clear();

        assertThat(Coverage.of(CATALOG, counter.counts()).calls()).isZero();
    }

    @Test
    void jsonCarriesSummaryActionsUncoveredAndResultCodes() {
        JsonNode json = CoverageJson.of(counted(new String[] {"auth_token_api", "OK", "A050001"}));

        assertThat(json.at("/summary/calls").asLong()).isEqualTo(1);
        assertThat(json.at("/summary/coveredActions").asLong()).isEqualTo(1);
        assertThat(json.at("/summary/actions").asLong()).isEqualTo(8);
        JsonNode token = json.at("/operations/0");
        assertThat(token.get("operationId").asText()).isEqualTo("auth_token_api");
        assertThat(token.at("/actions/OK").asLong()).isEqualTo(1);
        assertThat(token.at("/actions/PASSWORD").asLong()).isZero();
        assertThat(token.get("uncoveredActions")).extracting(JsonNode::asText).contains("PASSWORD").doesNotContain("OK");
        assertThat(token.at("/resultCodes/A050001").asLong()).isEqualTo(1);
    }

    @Test
    void htmlMarksAnsweredAndMissingActions() {
        String html = CoverageHtml.page("Coverage <run>", counted(new String[] {"auth_token_api", "OK", "A050001"}));

        assertThat(html).contains("<title>Coverage &lt;run&gt;</title>", "<span class=\"hit\">OK ×1</span>",
                "<span class=\"miss\">PASSWORD</span>", "1 of 3 operations called", "1 of 8 actions answered");
        assertThat(html.indexOf("auth_token_api")).as("called operations first").isLessThan(html.indexOf("client_create_api"));
    }
}
