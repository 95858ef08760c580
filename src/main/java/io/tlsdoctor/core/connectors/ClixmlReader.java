package io.tlsdoctor.core.connectors;

import io.tlsdoctor.core.text.EventLog;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads an {@code Export-Clixml} file (PowerShell's serialisation, MS-PSRP 2.2.5): {@code <Objs>} of {@code <Obj>}
 * with type names ({@code <TN>}, later {@code <TNRef>}), adapted ({@code <Props>}) and extended ({@code <MS>})
 * properties. Enums and Exchange values are read by their {@code <ToString>}; collections ({@code <LST>}) item by
 * item; a repeated object ({@code <Ref>}) as the first. An object's own properties one level down are kept as
 * {@code Parent.Child} (TlsCertificateName's CertificateIssuer and CertificateSubject).
 */
final class ClixmlReader {

    private static final Set<String> SCALARS = Set.of(
            "S", "I32", "I64", "I16", "U16", "U32", "U64", "By", "SB", "Db", "D", "Sg", "DT", "TS", "G", "URI",
            "Version", "XD", "SBK", "C", "BA");
    private static final Set<String> COLLECTIONS = Set.of("LST", "IE", "QUE", "STK");
    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private static final Logger LOG = EventLog.of(ClixmlReader.class);

    private final String file;
    private final Map<String, List<String>> typeNames = new HashMap<>();
    private final Map<String, PsValue> refs = new HashMap<>();

    private ClixmlReader(String file) {
        this.file = file;
    }

    static List<PsObject> read(String text, String file) throws ConnectorInputException {
        return new ClixmlReader(file).readAll(text);
    }

    private List<PsObject> readAll(String text) throws ConnectorInputException {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            document = builder.parse(
                    new org.xml.sax.InputSource(new StringReader(text.replaceFirst("^#< CLIXML\\r?\\n", ""))));
        } catch (SAXParseException e) {
            // the parser's own text ("XML document structures must start and end within the same entity.") is
            // the log's; the user gets the place
            LOG.log(Level.INFO, e, () -> "not readable XML: " + file);
            throw new ConnectorInputException(
                    "connectors.read.xml",
                    e,
                    file,
                    String.valueOf(Math.max(0, e.getLineNumber())),
                    String.valueOf(Math.max(0, e.getColumnNumber())));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            LOG.log(Level.INFO, e, () -> "not readable XML: " + file);
            throw new ConnectorInputException("connectors.read.xml", e, file, "0", "0");
        }
        Element root = document.getDocumentElement();
        if (!"Objs".equals(root.getLocalName())) {
            throw new ConnectorInputException("connectors.read.notClixml", file, root.getLocalName());
        }
        List<PsObject> objects = new ArrayList<>();
        int index = 0;
        for (Element obj : children(root)) {
            index++;
            if (!"Obj".equals(obj.getLocalName())) {
                continue;
            }
            Map<String, PsValue> properties = new LinkedHashMap<>();
            List<String> types = types(obj);
            for (Element section : children(obj)) {
                if ("Props".equals(section.getLocalName()) || "MS".equals(section.getLocalName())) {
                    for (Element property : children(section)) {
                        String name = property.getAttribute("N");
                        if (!name.isEmpty()) {
                            properties.put(name, value(property));
                            nested(name, property, properties);
                        }
                    }
                }
            }
            remember(obj, PsValue.of(toStringOf(obj)));
            objects.add(new PsObject(file + ":#" + index, types, properties));
        }
        return objects;
    }

    /** An object's own properties one level down, as {@code Parent.Child}. */
    private void nested(String name, Element property, Map<String, PsValue> properties) {
        if (!"Obj".equals(property.getLocalName())) {
            return;
        }
        for (Element section : children(property)) {
            if ("Props".equals(section.getLocalName()) || "MS".equals(section.getLocalName())) {
                for (Element child : children(section)) {
                    String childName = child.getAttribute("N");
                    if (!childName.isEmpty() && !"Obj".equals(child.getLocalName())) {
                        properties.put(name + "." + childName, value(child));
                    }
                }
            }
        }
    }

    private PsValue value(Element e) {
        String kind = e.getLocalName();
        if ("Nil".equals(kind)) {
            return PsValue.NULL;
        }
        if ("B".equals(kind)) {
            return PsValue.of(Boolean.parseBoolean(e.getTextContent().strip()) ? "True" : "False");
        }
        if (SCALARS.contains(kind)) {
            return PsValue.of(unescape(e.getTextContent()));
        }
        if ("Ref".equals(kind)) {
            PsValue seen = refs.get(e.getAttribute("RefId"));
            return seen == null ? PsValue.NULL : seen;
        }
        if ("Obj".equals(kind)) {
            PsValue result = null;
            for (Element child : children(e)) {
                if (COLLECTIONS.contains(child.getLocalName())) {
                    List<String> items = new ArrayList<>();
                    for (Element item : children(child)) {
                        PsValue itemValue = value(item);
                        if (itemValue.text() != null) {
                            items.add(itemValue.text());
                        }
                    }
                    result = PsValue.list(items, false);
                }
            }
            if (result == null) {
                String shown = toStringOf(e);
                result = shown != null ? PsValue.of(shown) : PsValue.NULL;
            }
            remember(e, result);
            return result;
        }
        return PsValue.NULL;
    }

    private void remember(Element obj, PsValue value) {
        String refId = obj.getAttribute("RefId");
        if (!refId.isEmpty() && !refs.containsKey(refId)) {
            refs.put(refId, value);
        }
    }

    private String toStringOf(Element obj) {
        for (Element child : children(obj)) {
            if ("ToString".equals(child.getLocalName())) {
                return unescape(child.getTextContent());
            }
        }
        for (Element child : children(obj)) {
            if (SCALARS.contains(child.getLocalName())) {
                return unescape(child.getTextContent());
            }
        }
        return null;
    }

    private List<String> types(Element obj) {
        for (Element child : children(obj)) {
            if ("TN".equals(child.getLocalName())) {
                List<String> names = new ArrayList<>();
                for (Element t : children(child)) {
                    names.add(t.getTextContent().strip());
                }
                typeNames.put(child.getAttribute("RefId"), names);
                return names;
            }
            if ("TNRef".equals(child.getLocalName())) {
                return typeNames.getOrDefault(child.getAttribute("RefId"), List.of());
            }
        }
        return List.of();
    }

    /** CLIXML escapes control characters (and a literal {@code _x}) as {@code _xHHHH_}. */
    static String unescape(String text) {
        Matcher m = ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<Element> children(Node parent) {
        List<Element> elements = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }
}
