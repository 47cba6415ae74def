package com.example.app;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.dto.AuthorizationIssueRequest;
import com.authlete.common.dto.AuthorizationIssueResponse;
import com.authlete.common.dto.AuthorizationRequest;
import com.authlete.common.dto.AuthorizationResponse;
import com.authlete.common.dto.TokenRequest;
import com.authlete.common.dto.TokenResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The authorization and token endpoints, each a thin layer over Authlete's API. */
@RestController
public class AuthorizationServerController {

    private final AuthleteApi authlete;

    public AuthorizationServerController(AuthleteApi authlete) {
        this.authlete = authlete;
    }

    /** The authorization request: Authlete checks it; a valid one would show the login page (here: its ticket). */
    @GetMapping("/authorize")
    public ResponseEntity<?> authorize(HttpServletRequest request) {
        AuthorizationResponse response = authlete.authorization(new AuthorizationRequest().setParameters(request.getQueryString()));
        return switch (response.getAction()) {
            case INTERACTION -> ResponseEntity.ok(Map.of("ticket", response.getTicket()));
            case LOCATION -> ResponseEntity.status(HttpStatus.FOUND).location(URI.create(response.getResponseContent())).build();
            case BAD_REQUEST -> ResponseEntity.badRequest().body(response.getResponseContent());
            default -> ResponseEntity.internalServerError().body(response.getResultMessage());
        };
    }

    /** The user logged in and approved: Authlete issues the code and the redirect. */
    @PostMapping("/authorize/decision")
    public ResponseEntity<?> decide(@RequestParam String ticket, @RequestParam String user) {
        AuthorizationIssueResponse response = authlete.authorizationIssue(new AuthorizationIssueRequest().setTicket(ticket).setSubject(user));
        if (response.getAction() == AuthorizationIssueResponse.Action.LOCATION) {
            return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(response.getResponseContent())).build();
        }
        return ResponseEntity.badRequest().body(response.getResultMessage());
    }

    /** The token endpoint: the form and the client's Basic credentials go to Authlete as they came. */
    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> token(@RequestParam MultiValueMap<String, String> form,
                                        @RequestHeader(name = "Authorization", required = false) String authorization) {
        TokenRequest request = new TokenRequest().setParameters(encode(form));
        if (authorization != null && authorization.startsWith("Basic ")) {
            String[] credentials = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            request.setClientId(credentials[0]).setClientSecret(credentials[1]);
        }
        TokenResponse response = authlete.token(request);
        HttpStatus status = switch (response.getAction()) {
            case OK -> HttpStatus.OK;
            case INVALID_CLIENT -> HttpStatus.UNAUTHORIZED;
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            default -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
        return ResponseEntity.status(status).body(response.getResponseContent());
    }

    private static String encode(MultiValueMap<String, String> form) {
        return form.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(v, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
    }
}
