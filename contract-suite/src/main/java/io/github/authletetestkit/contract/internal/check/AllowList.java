package io.github.authletetestkit.contract.internal.check;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Findings that are known to come from a self-contradiction of a particular spec rather than from the
 * target. Each entry is narrow (one spec, one operation, one pointer pattern, one message key) and says why.
 * An allowed finding is still listed in the reports, marked as allowed, but does not fail the run.
 */
public final class AllowList {

    /**
     * @param specTitle   {@code info.title} of the spec the entry applies to
     * @param operationId the operation
     * @param direction   request or response
     * @param pointer     a regular expression the whole pointer must match
     * @param key         the validator's message key
     * @param message     a regular expression the message must contain (find, not match)
     * @param reason      why this is not the target's fault — shown in the reports
     */
    public record Entry(String specTitle, String operationId, Finding.Direction direction, Pattern pointer, String key,
                        Pattern message, String reason) {
        public Entry {
            Objects.requireNonNull(specTitle, "specTitle");
            Objects.requireNonNull(operationId, "operationId");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(pointer, "pointer");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(reason, "reason");
        }

        boolean covers(String title, Finding finding) {
            return specTitle.equals(title) && operationId.equals(finding.operationId()) && direction == finding.direction()
                    && key.equals(finding.key()) && pointer.matcher(finding.pointer()).matches()
                    && message.matcher(finding.message()).find();
        }
    }

    /** Authlete's published spec (info.title "Authlete API"). */
    static final String AUTHLETE_PUBLISHED = "Authlete API";

    private static final AllowList DEFAULT = new AllowList(List.of(
            // Authlete's spec declares 404 "The client was not found." for client/update/{clientId} and
            // client/delete/{clientId}, but lists only 200/400/401/403/500 for client/get/{clientId} of the same
            // resource. The mock (and our spec) answer an unknown client on client/get like update and delete.
            // Only this status of this operation; confirm against a live region with --compare-with mock.
            new Entry(AUTHLETE_PUBLISHED, "client_get_api", Finding.Direction.RESPONSE, Pattern.compile(""),
                    "validation.response.status.unknown", Pattern.compile("^Response status 404 not defined"),
                    "Authlete's spec declares 404 (client not found) for client/update and client/delete but omits it "
                            + "for client/get of the same resource")));

    private final List<Entry> entries;

    public AllowList(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The entries this project ships; see each entry's reason. */
    public static AllowList defaults() {
        return DEFAULT;
    }

    public static AllowList none() {
        return new AllowList(List.of());
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The entry that covers this finding of a spec with this title, if any. */
    public java.util.Optional<Entry> match(String specTitle, Finding finding) {
        return entries.stream().filter(e -> e.covers(specTitle, finding)).findFirst();
    }
}
