package io.tlsdoctor.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsdoctor.core.domain.Direction;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The streaming reader behind the knowledge resources is as strict as the data-binding mapper it replaced there. */
class JsonObjectTest {

    private static JsonObject read(String json) throws IOException {
        return JsonObject.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "doc");
    }

    @Test
    void readsStringsNumbersListsMapsAndEnumsInDocumentOrder() throws IOException {
        JsonObject json = read("""
                {"name": "rule", "weight": 0.9, "words": ["b", "a"], "direction": "EXO_TO_ONPREM",
                 "text": {"sv": "hej", "en": "hello"}, "byDirection": {"ONPREM_TO_EXO": "x"}, "nothing": null}
                """);
        assertThat(json.string("name")).isEqualTo("rule");
        assertThat(json.number("weight")).isEqualTo(0.9);
        assertThat(json.strings("words")).containsExactly("b", "a");
        assertThat(json.enumValue("direction", Direction.class)).isEqualTo(Direction.EXO_TO_ONPREM);
        assertThat(json.object("text").map(JsonObject.Element::string))
                .containsExactly(Map.entry("sv", "hej"), Map.entry("en", "hello"));
        assertThat(json.object("byDirection").enumMap(Direction.class, JsonObject.Element::string))
                .containsExactly(Map.entry(Direction.ONPREM_TO_EXO, "x"));
        assertThat(json.optionalString("nothing")).isNull();
        assertThat(json.has("nothing")).isFalse();
    }

    @Test
    void namesTheFieldThatIsUnknownMissingOfTheWrongKindOrNotAnEnumName() throws IOException {
        JsonObject json = read("{\"rules\": [{\"id\": 7, \"direction\": \"SIDEWAYS\", \"typo\": 1}]}");
        JsonObject rule = json.list("rules", JsonObject.Element::object).get(0);
        assertThatThrownBy(() -> rule.allowOnly("id", "direction")).hasMessage("doc.rules[0]: unknown field 'typo'");
        assertThatThrownBy(() -> rule.string("pattern")).hasMessage("doc.rules[0]: missing field 'pattern'");
        assertThatThrownBy(() -> rule.string("id")).hasMessage("doc.rules[0].id: expected a string, found a number");
        assertThatThrownBy(() -> rule.enumValue("direction", Direction.class))
                .hasMessageStartingWith("doc.rules[0].direction: 'SIDEWAYS' is not one of [");
        assertThatThrownBy(() -> json.list("rules", element -> List.of(element.string())))
                .hasMessage("doc.rules[0]: expected a string");
    }

    @Test
    void rejectsADocumentThatIsNotOneObject() {
        assertThatThrownBy(() -> read("[1, 2]")).hasMessage("doc: expected an object");
        assertThatThrownBy(() -> read("{\"a\": 1} {\"b\": 2}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("{\"a\": 1, \"a\": 2}")).hasMessageContaining("field 'a' twice");
        assertThatThrownBy(() -> read("{\"a\": ")).isInstanceOf(IOException.class);
    }
}
