package io.tlsdoctor.core.connectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.text.ContentProblem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code ConvertTo-Json} output: one object or an array of them (Windows PowerShell also wraps a piped array as
 * {@code {"value": [...], "Count": n}}). Dates as {@code "\/Date(ms)\/"} or ISO; enums as names, or as numbers in
 * Windows PowerShell 5.1 (then unknown, with a note, except the Services flags); Exchange values as their parts
 * (an address space's Type, Address and Cost); what {@code -Depth} cut to a type name is marked as cut off.
 */
final class JsonOutputReader {

    private static final Pattern TYPE_NAME =
            Pattern.compile("^(Deserialized\\.)?(System|Microsoft)\\.[A-Za-z0-9_.`]+(\\[.*])?$");
    private static final Set<String> ENUMS = Set.of(
            "status",
            "rootcatype",
            "tlsauthlevel",
            "transportrole",
            "tlssettings",
            "connectortype",
            "connectorsource",
            "authmechanism",
            "permissiongroups");

    private JsonOutputReader() {}

    static List<PsObject> read(String text, String file, List<ReadNote> notes) throws ConnectorInputException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            // the parser's own text ("Unexpected end-of-input: expected close marker...") goes to the log only
            throw new ConnectorInputException(
                    "connectors.read.json",
                    e,
                    ContentProblem.of(e, text, file).argsFor(file).toArray());
        }
        if (root != null
                && root.isObject()
                && root.has("value")
                && root.get("value").isArray()
                && root.has("Count")) {
            root = root.get("value");
        }
        List<PsObject> objects = new ArrayList<>();
        if (root == null) {
            return objects;
        }
        List<JsonNode> items = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(items::add);
        } else {
            items.add(root);
        }
        int index = 0;
        for (JsonNode item : items) {
            index++;
            if (!item.isObject()) {
                continue;
            }
            String source = file + ":#" + index;
            Map<String, PsValue> properties = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = field.getKey();
                JsonNode node = field.getValue();
                if (node.isNumber() && ENUMS.contains(name.toLowerCase(Locale.ROOT))) {
                    notes.add(ReadNote.of("connectors.note.enumNumber", source, name));
                    properties.put(name, PsValue.NULL);
                    continue;
                }
                properties.put(name, value(node, source, name, notes));
                if (node.isObject()) {
                    node.fields().forEachRemaining(child -> {
                        if (child.getValue().isValueNode()) {
                            properties.put(name + "." + child.getKey(), scalar(child.getValue()));
                        }
                    });
                }
            }
            List<String> types = new ArrayList<>();
            if (item.has("PSTypeNames") && item.get("PSTypeNames").isArray()) {
                item.get("PSTypeNames").forEach(t -> types.add(t.asText()));
            }
            objects.add(new PsObject(source, types, properties));
        }
        return objects;
    }

    private static PsValue value(JsonNode node, String source, String name, List<ReadNote> notes) {
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            boolean cut = false;
            for (JsonNode item : node) {
                String text = item.isObject() ? objectText(item) : item.isNull() ? null : item.asText();
                if (text == null || TYPE_NAME.matcher(text).matches()) {
                    cut = true;
                } else {
                    items.add(text);
                }
            }
            if (cut) {
                notes.add(ReadNote.of("connectors.note.depth", source, name));
            }
            return PsValue.list(items, cut);
        }
        if (node.isObject()) {
            if (node.has("value") && node.get("value").isArray()) {
                return value(node.get("value"), source, name, notes);
            }
            String text = objectText(node);
            return text == null ? PsValue.NULL : PsValue.of(text);
        }
        PsValue scalar = scalar(node);
        if (scalar.text() != null && TYPE_NAME.matcher(scalar.text()).matches()) {
            notes.add(ReadNote.of("connectors.note.depth", source, name));
            return PsValue.truncatedValue();
        }
        return scalar;
    }

    private static PsValue scalar(JsonNode node) {
        if (node.isNull()) {
            return PsValue.NULL;
        }
        if (node.isBoolean()) {
            return PsValue.of(node.asBoolean() ? "True" : "False");
        }
        return PsValue.of(node.asText());
    }

    /** An Exchange value serialised by its parts: an address space, a smart host, a certificate name. */
    private static String objectText(JsonNode o) {
        if (o.has("Address") && o.has("Type") && o.has("Cost")) {
            return o.get("Type").asText() + ":" + o.get("Address").asText() + ";"
                    + o.get("Cost").asText();
        }
        if (o.has("Address") && o.has("Port") && o.get("Port").isNumber()) {
            // an IPBinding, as ToString writes it: [::]:25, 0.0.0.0:25
            String address = o.get("Address").asText();
            return (address.contains(":") ? "[" + address + "]" : address) + ":"
                    + o.get("Port").asText();
        }
        if (o.has("Domain") && o.has("Capabilities") && o.get("Capabilities").isTextual()) {
            return o.get("Domain").asText() + ":" + o.get("Capabilities").asText();
        }
        if (o.has("CertificateIssuer") && o.has("CertificateSubject")) {
            return "<I>" + o.get("CertificateIssuer").asText() + "<S>"
                    + o.get("CertificateSubject").asText();
        }
        for (String key : List.of("Domain", "HostnameString", "Address", "Name", "Value")) {
            JsonNode v = o.get(key);
            if (v != null
                    && v.isTextual()
                    && !v.asText().isBlank()
                    && !TYPE_NAME.matcher(v.asText()).matches()) {
                return v.asText();
            }
        }
        return null;
    }
}
