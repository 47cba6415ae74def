package io.github.authletetestkit.mock.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A view of a service or client: the members asked for, present and not null, copied. */
class JsonDocumentViewTest {

    private final ServiceConfig service = new ServiceConfig((ObjectNode) Json.parse(
            "{\"number\":7,\"serviceName\":\"s\",\"issuer\":null,\"supportedScopes\":[{\"name\":\"profile\"}],\"clientSecret\":\"hidden\"}"));

    @Test
    void holdsTheMembersAskedForThatArePresentAndNotNull() {
        ObjectNode view = service.view(List.of("supportedScopes", "number", "issuer", "absent"));

        assertThat(view.toString()).isEqualTo("{\"supportedScopes\":[{\"name\":\"profile\"}],\"number\":7}");
    }

    @Test
    void changingTheViewLeavesTheDocumentAsItWas() {
        ObjectNode view = service.view(List.of("supportedScopes"));
        ((com.fasterxml.jackson.databind.node.ArrayNode) view.get("supportedScopes")).addObject().put("name", "added");

        assertThat(service.view(List.of("supportedScopes")).get("supportedScopes")).hasSize(1);
        assertThat(service.toJson().get("supportedScopes")).hasSize(1);
    }
}
