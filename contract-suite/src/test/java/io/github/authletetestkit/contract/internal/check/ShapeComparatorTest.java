package io.github.authletetestkit.contract.internal.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ShapeComparatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    @Test
    void valuesDoNotMatterOnlyMembersAndTypes() throws Exception {
        assertThat(ShapeComparator.compare(json("{\"a\":1,\"b\":\"x\",\"c\":[1,2]}"), json("{\"a\":2,\"b\":\"y\",\"c\":[3]}"))).isEmpty();
    }

    @Test
    void missingMembersAndTypeChangesArePointedAt() throws Exception {
        assertThat(ShapeComparator.compare(json("{\"a\":1,\"only\":true,\"n\":{\"x\":\"1\"}}"), json("{\"a\":1,\"other\":null,\"n\":{\"x\":1}}")))
                .containsExactly(
                        new ShapeDifference("/n/x", ShapeDifference.Kind.TYPE, "string", "number"),
                        new ShapeDifference("/only", ShapeDifference.Kind.ONLY_LEFT, "boolean", "absent"),
                        new ShapeDifference("/other", ShapeDifference.Kind.ONLY_RIGHT, "absent", "null"));
    }

    @Test
    void arraysCompareTheUnionOfTheirElementsAndEmptyArraysSayNothing() throws Exception {
        assertThat(ShapeComparator.compare(json("{\"s\":[{\"name\":\"a\"},{\"name\":\"b\",\"extra\":1}]}"), json("{\"s\":[{\"name\":\"c\"}]}")))
                .containsExactly(new ShapeDifference("/s/*/extra", ShapeDifference.Kind.ONLY_LEFT, "number", "absent"));
        assertThat(ShapeComparator.compare(json("{\"s\":[]}"), json("{\"s\":[{\"name\":\"c\"}]}"))).isEmpty();
    }

    @Test
    void jsonInsideAStringIsComparedToo() throws Exception {
        assertThat(ShapeComparator.compare(json("{\"responseContent\":\"{\\\"access_token\\\":\\\"x\\\",\\\"scope\\\":null}\"}"),
                json("{\"responseContent\":\"{\\\"access_token\\\":\\\"y\\\"}\"}")))
                .containsExactly(new ShapeDifference("/responseContent(json)/scope", ShapeDifference.Kind.ONLY_LEFT, "null", "absent"));
    }

    @Test
    void pointerEscapesSlashAndTilde() throws Exception {
        assertThat(ShapeComparator.compare(json("{\"a/b~c\":1}"), json("{}"))).extracting(ShapeDifference::pointer).containsExactly("/a~1b~0c");
    }
}
