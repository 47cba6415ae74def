package io.github.authletetestkit.mock.internal.state;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.internal.grants.GrantAction;
import io.github.authletetestkit.mock.internal.grants.GrantRequest;
import io.github.authletetestkit.mock.internal.grants.ManagedGrant;
import io.github.authletetestkit.mock.internal.model.ClientDefaults;
import io.github.authletetestkit.mock.internal.oauth.AuthorizationDetails;
import io.github.authletetestkit.mock.internal.oauth.InvalidParametersException;
import io.github.authletetestkit.mock.internal.oauth.Jwks;
import io.github.authletetestkit.mock.internal.oauth.RandomValues;
import io.github.authletetestkit.mock.internal.oauth.RedirectUris;
import io.github.authletetestkit.mock.internal.oauth.ResourceIndicators;
import io.github.authletetestkit.mock.internal.state.StateDocument.AuthorizationCodeEntry;
import io.github.authletetestkit.mock.internal.state.StateDocument.BackchannelRequestEntry;
import io.github.authletetestkit.mock.internal.state.StateDocument.DecisionEntry;
import io.github.authletetestkit.mock.internal.state.StateDocument.DeviceAuthorizationEntry;
import io.github.authletetestkit.mock.internal.state.StateDocument.GrantEntry;
import io.github.authletetestkit.mock.internal.state.StateDocument.GrantManagementEntry;
import io.github.authletetestkit.mock.internal.state.StateDocument.GrantedScopesEntry;
import io.github.authletetestkit.mock.internal.state.StateDocument.ManagedGrantEntry;
import io.github.authletetestkit.mock.internal.state.StateDocument.PropertyEntry;
import io.github.authletetestkit.mock.internal.state.StateDocument.PushedRequestEntry;
import io.github.authletetestkit.mock.internal.state.StateDocument.ServiceEntry;
import io.github.authletetestkit.mock.internal.state.StateDocument.TicketEntry;
import io.github.authletetestkit.mock.internal.state.StateDocument.TokenEntry;
import io.github.authletetestkit.mock.internal.state.StateDocument.TokenTicketEntry;
import io.github.authletetestkit.mock.internal.store.ApiCredential;
import io.github.authletetestkit.mock.internal.store.AuthorizationCode;
import io.github.authletetestkit.mock.internal.store.AuthorizationTicket;
import io.github.authletetestkit.mock.internal.store.BackchannelRequest;
import io.github.authletetestkit.mock.internal.store.DeviceAuthorization;
import io.github.authletetestkit.mock.internal.store.EndUserDecision;
import io.github.authletetestkit.mock.internal.store.Grant;
import io.github.authletetestkit.mock.internal.store.GrantedScopes;
import io.github.authletetestkit.mock.internal.store.Property;
import io.github.authletetestkit.mock.internal.store.PushedRequest;
import io.github.authletetestkit.mock.internal.store.ResponseMode;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.internal.store.TokenRecord;
import io.github.authletetestkit.mock.internal.store.TokenTicket;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.ServiceConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads a seed or state document into a {@link Seed}, checking all of it first: any error is a
 * {@link SeedException} naming the member, and nothing has been changed anywhere. Each {@link StateDocument} entry is
 * mapped to its store record member by member.
 */
public final class SeedReader {

    /** Makes the configuration of a seeded service: the defaults of a new service with the seed's members laid over. */
    @FunctionalInterface
    public interface ServiceTemplate {
        ServiceConfig service(long serviceId, ObjectNode members);
    }

    private static final Set<String> CLIENT_TEXTS = Set.of("clientSecret", "clientIdAlias", "clientName", "clientType",
            "tokenAuthMethod", "developer", "idTokenSignAlg", "subjectType");
    private static final Set<String> CLIENT_TEXT_ARRAYS = Set.of("grantTypes", "responseTypes", "redirectUris");

    private final Instant now;
    private final String configuredOrgToken;
    private final ServiceTemplate template;

    /**
     * @param configuredOrgToken the organization token of the settings: always valid, so a seed may repeat it
     */
    public SeedReader(Instant now, String configuredOrgToken, ServiceTemplate template) {
        this.now = now;
        this.configuredOrgToken = configuredOrgToken;
        this.template = template;
    }

    public Seed read(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new SeedException("", "a seed must be a JSON object");
        }
        StateDocument document;
        try {
            document = StateMapper.MAPPER.treeToValue(StateMigrations.toCurrent((ObjectNode) json), StateDocument.class);
        } catch (JsonMappingException e) {
            throw new SeedException(path(e), reason(e));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SeedException("", e.getOriginalMessage());
        }
        Map<String, String> tokenOwners = new HashMap<>();
        tokenOwners.put(configuredOrgToken, "the configured organization token");
        List<ApiCredential> credentials = new ArrayList<>();
        List<String> orgTokens = listOf(document.organizationTokens());
        for (int i = 0; i < orgTokens.size(); i++) {
            String token = orgTokens.get(i);
            String at = "organizationTokens[" + i + "]";
            if (!configuredOrgToken.equals(token)) {
                claim(tokenOwners, text(token, at), at);
                credentials.add(ApiCredential.organization(token));
            }
        }
        List<ServiceState> services = new ArrayList<>();
        Set<Long> serviceIds = new HashSet<>();
        List<ServiceEntry> entries = listOf(document.services());
        for (int i = 0; i < entries.size(); i++) {
            String at = "services[" + i + "]";
            ServiceEntry entry = required(entries.get(i), at);
            long serviceId = identifier(entry.serviceId(), at + ".serviceId");
            if (!serviceIds.add(serviceId)) {
                throw new SeedException(at + ".serviceId", "another service has the ID " + serviceId);
            }
            List<String> serviceTokens = listOf(entry.serviceTokens());
            for (int t = 0; t < serviceTokens.size(); t++) {
                String tokenAt = at + ".serviceTokens[" + t + "]";
                claim(tokenOwners, text(serviceTokens.get(t), tokenAt), tokenAt);
                credentials.add(ApiCredential.service(serviceTokens.get(t), serviceId));
            }
            services.add(new ServiceReader(at, serviceId).read(entry));
        }
        return new Seed(services, credentials, document.clock());
    }

    /** Reads one service: its configuration, clients, and entries that each name one of those clients. */
    private final class ServiceReader {
        private final String at;
        private final long serviceId;
        private final Map<Long, ClientConfig> clients = new HashMap<>();
        private final List<TokenRecord> live = new ArrayList<>();
        private final Set<String> grantIds = new HashSet<>();
        private ServiceConfig config;

        ServiceReader(String at, long serviceId) {
            this.at = at;
            this.serviceId = serviceId;
        }

        ServiceState read(ServiceEntry entry) {
            ObjectNode members = entry.config() == null ? StateMapper.MAPPER.createObjectNode() : entry.config();
            JsonNode apiKey = members.get("apiKey");
            if (apiKey != null && (!apiKey.canConvertToLong() || apiKey.asLong() != serviceId)) {
                throw new SeedException(at + ".config.apiKey", "must be the service's serviceId " + serviceId + " when given");
            }
            JsonNode jwks = members.get("jwks");
            if (jwks != null && jwks.isTextual() && !jwks.asText().isEmpty()) {
                try {
                    Jwks.parse(jwks.asText());
                } catch (IllegalArgumentException e) {
                    throw new SeedException(at + ".config.jwks", "not a valid JWK Set: " + e.getMessage());
                }
            }
            config = template.service(serviceId, members);
            List<ObjectNode> clientEntries = listOf(entry.clients());
            Set<String> aliases = new HashSet<>();
            for (int j = 0; j < clientEntries.size(); j++) {
                ClientConfig client = client(required(clientEntries.get(j), at + ".clients[" + j + "]"), at + ".clients[" + j + "]",
                        config.toJson().path("number").asInt(1));
                if (clients.putIfAbsent(client.clientId(), client) != null) {
                    throw new SeedException(at + ".clients[" + j + "].clientId", "another client has the ID " + client.clientId());
                }
                if (!aliases.add(client.clientIdAlias())) {
                    throw new SeedException(at + ".clients[" + j + "].clientIdAlias", "another client has the alias '" + client.clientIdAlias() + "'");
                }
            }
            List<ManagedGrant> grants = unique(each(entry.grants(), "grants", this::managedGrant), "grants", "grantId", ManagedGrant::grantId);
            grants.forEach(g -> grantIds.add(g.grantId()));
            readTokens(entry.tokens());
            return ServiceState.restore(config, new ServiceState.Snapshot(List.copyOf(clients.values()),
                    unique(each(entry.tickets(), "tickets", this::ticket), "tickets", "ticket", AuthorizationTicket::ticket),
                    unique(each(entry.authorizationCodes(), "authorizationCodes", this::code), "authorizationCodes", "code", AuthorizationCode::code),
                    live,
                    unique(each(entry.tokenTickets(), "tokenTickets", this::tokenTicket), "tokenTickets", "ticket", TokenTicket::ticket),
                    unique(unique(each(entry.deviceAuthorizations(), "deviceAuthorizations", this::device),
                            "deviceAuthorizations", "deviceCode", DeviceAuthorization::deviceCode),
                            "deviceAuthorizations", "userCode", DeviceAuthorization::userCode),
                    unique(each(entry.backchannelRequests(), "backchannelRequests", this::backchannel),
                            "backchannelRequests", "ticket", BackchannelRequest::ticket),
                    unique(each(entry.pushedRequests(), "pushedRequests", this::pushed), "pushedRequests", "requestUri", PushedRequest::requestUri),
                    unique(each(entry.grantedScopes(), "grantedScopes", this::granted), "grantedScopes", "subject",
                            g -> GrantedScopes.key(g.clientId(), g.subject())),
                    grants));
        }

        private ClientConfig client(ObjectNode members, String clientAt, int serviceNumber) {
            JsonNode id = members.get("clientId");
            if (id == null || !id.canConvertToLong() || !id.isIntegralNumber() || id.asLong() <= 0) {
                throw new SeedException(clientAt + ".clientId", id == null ? "is required" : "must be a positive integer");
            }
            identifier(id.asLong(), clientAt + ".clientId");
            for (String name : CLIENT_TEXTS) {
                JsonNode value = members.get(name);
                if (value != null && (!value.isTextual() || value.asText().isBlank())) {
                    throw new SeedException(clientAt + "." + name, "must be a non-blank string");
                }
            }
            for (String name : CLIENT_TEXT_ARRAYS) {
                JsonNode value = members.get(name);
                if (value != null && !value.isNull() && (!value.isArray() || !allTextual(value))) {
                    throw new SeedException(clientAt + "." + name, "must be an array of strings");
                }
            }
            JsonNode redirectUris = members.path("redirectUris");
            for (int k = 0; k < redirectUris.size(); k++) {
                String uriAt = clientAt + ".redirectUris[" + k + "]";
                RedirectUris.registrationProblem(redirectUris.get(k).asText()).ifPresent(problem -> {
                    throw new SeedException(uriAt, problem);
                });
            }
            JsonNode alias = members.get("clientIdAlias");
            if (alias != null && alias.asText().chars().allMatch(Character::isDigit) && !alias.asText().equals(id.asText())) {
                throw new SeedException(clientAt + ".clientIdAlias", "a numeric alias would pass for another client's ID");
            }
            ObjectNode client = ClientDefaults.client(id.asLong(), serviceNumber, RandomValues.clientSecret(), now);
            members.fields().forEachRemaining(e -> client.set(e.getKey(), e.getValue()));
            return new ClientConfig(client);
        }

        /** Reads the seed's tokens. */
        private void readTokens(List<TokenEntry> entries) {
            Map<String, String> seen = new HashMap<>();
            each(entries, "tokens", (t, tokenAt) -> {
                TokenRecord token = token(t, tokenAt);
                claim(seen, token.accessToken(), tokenAt + ".accessToken");
                if (token.refreshToken() != null) {
                    claim(seen, token.refreshToken(), tokenAt + ".refreshToken");
                }
                live.add(token);
                return token;
            });
        }

        private TokenRecord token(TokenEntry t, String tokenAt) {
            text(t.accessToken(), tokenAt + ".accessToken");
            long clientId = known(t.clientId(), tokenAt + ".clientId");
            if (t.refreshToken() != null) {
                text(t.refreshToken(), tokenAt + ".refreshToken");
            }
            List<String> scopes = listOf(t.scopes());
            texts(scopes, tokenAt + ".scopes");
            String grantType = t.grantType() != null ? t.grantType() : t.subject() != null ? "AUTHORIZATION_CODE" : "CLIENT_CREDENTIALS";
            if (t.grantId() != null && !grantIds.contains(t.grantId())) {
                throw new SeedException(tokenAt + ".grantId", "no grant of this service has the ID '" + t.grantId() + "'");
            }
            Grant grant = new Grant(clientId, t.subject(), t.sub(), scopes, grantType, properties(listOf(t.properties()), tokenAt + ".properties"), t.authTime(),
                    t.acr(), t.claims(), t.nonce(), t.sessionId(), t.idTokenAudType(), t.grantId(), null,
                    authorizationDetails(t.authorizationDetails(), tokenAt + ".authorizationDetails"),
                    resources(t.resources(), tokenAt + ".resources"));
            Instant expiresAt = t.expiresAt() != null ? t.expiresAt() : now.plusSeconds(config.accessTokenDuration());
            Instant refreshExpiresAt = t.refreshToken() == null ? null
                    : t.refreshTokenExpiresAt() != null ? t.refreshTokenExpiresAt() : now.plusSeconds(config.refreshTokenDuration());
            return new TokenRecord(t.accessToken(), expiresAt, t.refreshToken(), refreshExpiresAt, grant, t.dpopJkt(),
                    t.createdAt() != null ? t.createdAt() : now, t.lastRefreshedAt(), t.certificateThumbprint(),
                    resources(t.accessTokenResources(), tokenAt + ".accessTokenResources"));
        }

        /** Authorization details (RFC 9396) as written, checked; null when absent. */
        private static String authorizationDetails(JsonNode given, String at) {
            return targets(() -> AuthorizationDetails.fromState(given), at);
        }

        /** Resources (RFC 8707) as written, checked; null when absent. */
        private static List<String> resources(List<String> given, String at) {
            return given == null ? null : targets(() -> ResourceIndicators.check(given), at);
        }

        private static <T> T targets(Supplier<T> read, String at) {
            try {
                return read.get();
            } catch (InvalidParametersException e) {
                throw new SeedException(at, e.getMessage());
            }
        }

        private AuthorizationTicket ticket(TicketEntry t, String itemAt) {
            return new AuthorizationTicket(text(t.ticket(), itemAt + ".ticket"), known(t.clientId(), itemAt + ".clientId"),
                    t.clientIdAliasUsed(), t.redirectUri(), t.redirectUriExplicit(), required(t.responseType(), itemAt + ".responseType"),
                    t.responseMode() == null ? null : constant(ResponseMode.values(), ResponseMode::wireName, t.responseMode(),
                            itemAt + ".responseMode"),
                    required(t.scopes(), itemAt + ".scopes"), t.state(), t.nonce(), t.codeChallenge(), t.codeChallengeMethod(),
                    t.maxAge(), t.fixedSubject(), t.context(), required(t.expiresAt(), itemAt + ".expiresAt"),
                    grantManagement(t.grantManagement(), itemAt + ".grantManagement"), t.claimsRequest(),
                    authorizationDetails(t.authorizationDetails(), itemAt + ".authorizationDetails"), t.resources());
        }

        private AuthorizationCode code(AuthorizationCodeEntry c, String itemAt) {
            return new AuthorizationCode(text(c.code(), itemAt + ".code"), ticket(required(c.request(), itemAt + ".request"), itemAt + ".request"),
                    grant(c.grant(), itemAt + ".grant"), required(c.expiresAt(), itemAt + ".expiresAt"));
        }

        private TokenTicket tokenTicket(TokenTicketEntry t, String itemAt) {
            return new TokenTicket(text(t.ticket(), itemAt + ".ticket"), grant(t.grant(), itemAt + ".grant"), t.username(),
                    required(t.expiresAt(), itemAt + ".expiresAt"), t.certificateThumbprint());
        }

        private DeviceAuthorization device(DeviceAuthorizationEntry d, String itemAt) {
            return new DeviceAuthorization(text(d.deviceCode(), itemAt + ".deviceCode"), text(d.userCode(), itemAt + ".userCode"),
                    known(d.clientId(), itemAt + ".clientId"), d.clientIdAliasUsed(), required(d.scopes(), itemAt + ".scopes"), d.acrs(),
                    required(d.expiresAt(), itemAt + ".expiresAt"), d.intervalSeconds(), d.lastPolledAt(),
                    decision(d.decision(), itemAt + ".decision"), grantManagement(d.grantManagement(), itemAt + ".grantManagement"));
        }

        private BackchannelRequest backchannel(BackchannelRequestEntry b, String itemAt) {
            return new BackchannelRequest(text(b.ticket(), itemAt + ".ticket"), known(b.clientId(), itemAt + ".clientId"),
                    b.clientIdAliasUsed(), required(b.scopes(), itemAt + ".scopes"), b.acrs(),
                    required(b.deliveryMode(), itemAt + ".deliveryMode"), b.clientNotificationToken(), b.hintType(), b.hint(), b.sub(),
                    b.bindingMessage(), b.userCode(), b.requestedExpiry(), b.authReqId(), required(b.expiresAt(), itemAt + ".expiresAt"),
                    b.intervalSeconds(), b.lastPolledAt(), decision(b.decision(), itemAt + ".decision"),
                    grantManagement(b.grantManagement(), itemAt + ".grantManagement"));
        }

        private PushedRequest pushed(PushedRequestEntry p, String itemAt) {
            return new PushedRequest(text(p.requestUri(), itemAt + ".requestUri"), known(p.clientId(), itemAt + ".clientId"),
                    required(p.parameters(), itemAt + ".parameters"), required(p.expiresAt(), itemAt + ".expiresAt"));
        }

        private ManagedGrant managedGrant(ManagedGrantEntry g, String itemAt) {
            String grantId = text(g.grantId(), itemAt + ".grantId");
            long clientId = known(g.clientId(), itemAt + ".clientId");
            String subject = text(g.subject(), itemAt + ".subject");
            List<String> scopes = required(g.scopes(), itemAt + ".scopes");
            texts(scopes, itemAt + ".scopes");
            return new ManagedGrant(grantId, clientId, subject, scopes, g.claims(), required(g.createdAt(), itemAt + ".createdAt"),
                    required(g.updatedAt(), itemAt + ".updatedAt"));
        }

        private GrantedScopes granted(GrantedScopesEntry g, String itemAt) {
            return new GrantedScopes(known(g.clientId(), itemAt + ".clientId"), g.subject(), required(g.latest(), itemAt + ".latest"),
                    required(g.merged(), itemAt + ".merged"), required(g.modifiedAt(), itemAt + ".modifiedAt"));
        }

        /** An end-user's decision, when there is one: what it authorized must be a grant to a known client. */
        private EndUserDecision decision(DecisionEntry d, String decisionAt) {
            if (d == null) {
                return null;
            }
            EndUserDecision.Result result = constant(EndUserDecision.Result.values(), Enum::name, d.result(), decisionAt + ".result");
            Grant grant = d.grant() != null || result == EndUserDecision.Result.AUTHORIZED ? grant(d.grant(), decisionAt + ".grant") : null;
            return new EndUserDecision(result, grant, d.errorDescription(), d.errorUri(), d.accessTokenDuration(), d.refreshTokenDuration(),
                    d.accessToken());
        }

        private static GrantRequest grantManagement(GrantManagementEntry g, String grantManagementAt) {
            return g == null ? null
                    : new GrantRequest(constant(GrantAction.values(), GrantAction::wireName, g.action(), grantManagementAt + ".action"), g.grantId());
        }

        private Grant grant(GrantEntry g, String grantAt) {
            required(g, grantAt);
            return new Grant(known(g.clientId(), grantAt + ".clientId"), g.subject(), g.sub(), required(g.scopes(), grantAt + ".scopes"),
                    g.grantType(), properties(required(g.properties(), grantAt + ".properties"), grantAt + ".properties"), g.authTime(), g.acr(), g.claims(),
                    g.nonce(), g.sessionId(), g.idTokenAudType(), g.grantId(), g.claimsRequest(),
                    authorizationDetails(g.authorizationDetails(), grantAt + ".authorizationDetails"), g.resources());
        }

        private long known(Long clientId, String fieldAt) {
            long id = positive(clientId, fieldAt);
            if (!clients.containsKey(id)) {
                throw new SeedException(fieldAt, "no client of this service has the ID " + id);
            }
            return id;
        }

        /** The items, when no two have the same key: entries are found by it. */
        private <T> List<T> unique(List<T> items, String member, String keyMember, Function<T, Object> key) {
            Set<Object> seen = new HashSet<>();
            for (int k = 0; k < items.size(); k++) {
                if (!seen.add(key.apply(items.get(k)))) {
                    throw new SeedException(at + "." + member + "[" + k + "]." + keyMember, "another entry has the same " + keyMember);
                }
            }
            return items;
        }

        /** Checks every item of an optional list, naming it {@code member[index]}. */
        private <T, R> List<R> each(List<T> items, String member, Checker<T, R> check) {
            List<R> out = new ArrayList<>();
            List<T> all = listOf(items);
            for (int k = 0; k < all.size(); k++) {
                String itemAt = at + "." + member + "[" + k + "]";
                out.add(check.apply(required(all.get(k), itemAt), itemAt));
            }
            return out;
        }
    }

    @FunctionalInterface
    private interface Checker<T, R> {
        R apply(T item, String at);
    }

    private static void claim(Map<String, String> owners, String token, String at) {
        String owner = owners.putIfAbsent(token, at);
        if (owner != null) {
            throw new SeedException(at, "the token is already used by " + owner);
        }
    }

    private static <T> T required(T value, String at) {
        if (value == null) {
            throw new SeedException(at, "is required");
        }
        return value;
    }

    /** The constant that the document spells {@code name}: required. */
    private static <E extends Enum<E>> E constant(E[] constants, Function<E, String> spelling, String name, String at) {
        required(name, at);
        for (E constant : constants) {
            if (spelling.apply(constant).equals(name)) {
                return constant;
            }
        }
        throw new SeedException(at, "must be one of " + Arrays.stream(constants).map(spelling).toList() + ", not '" + name + "'");
    }

    private static List<Property> properties(List<PropertyEntry> entries, String at) {
        List<Property> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            PropertyEntry p = required(entries.get(i), at + "[" + i + "]");
            out.add(new Property(p.key(), p.value(), p.hidden()));
        }
        return out;
    }

    private static long positive(Long value, String at) {
        if (required(value, at) <= 0) {
            throw new SeedException(at, "must be positive");
        }
        return value;
    }

    /** A positive ID that a JavaScript client can hold: larger ones would be rounded and then match nothing. */
    private static long identifier(Long value, String at) {
        if (positive(value, at) > RandomValues.MAX_SAFE_INTEGER) {
            throw new SeedException(at, "must be at most " + RandomValues.MAX_SAFE_INTEGER
                    + " (JavaScript's Number.MAX_SAFE_INTEGER), or JavaScript clients cannot hold it");
        }
        return value;
    }

    private static String text(String value, String at) {
        if (required(value, at).isBlank()) {
            throw new SeedException(at, "must not be blank");
        }
        return value;
    }

    private static void texts(List<String> values, String at) {
        for (int i = 0; i < values.size(); i++) {
            text(values.get(i), at + "[" + i + "]");
        }
    }

    private static boolean allTextual(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** {@code services[1].clients[0].redirectUris} from Jackson's reference chain. */
    static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String reason(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            Collection<Object> known = u.getKnownPropertyIds();
            return "unknown member '" + u.getPropertyName() + "'" + (known == null ? "" : "; known members: " + known);
        }
        if (e.getOriginalMessage().startsWith("Cannot map `null`")) {
            return "is required";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "must be " + expected(m.getTargetType());
        }
        return e.getOriginalMessage();
    }

    private static String expected(Class<?> type) {
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "an object";
    }
}
