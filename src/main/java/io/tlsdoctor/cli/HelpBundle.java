package io.tlsdoctor.cli;

import java.util.Enumeration;
import java.util.ResourceBundle;

/**
 * The message bundle as picocli reads it for the help. The bundles write an apostrophe as {@code ''} (MessageFormat's
 * rule, which {@code Messages.get} applies); picocli takes option descriptions from the bundle as they are, so here
 * {@code ''} becomes the one apostrophe a reader expects ("The server's name", not "The server''s name").
 */
final class HelpBundle extends ResourceBundle {

    private final ResourceBundle bundle;

    HelpBundle(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    @Override
    protected Object handleGetObject(String key) {
        if (!bundle.containsKey(key)) {
            return null;
        }
        Object value = bundle.getObject(key);
        return value instanceof String text ? text.replace("''", "'") : value;
    }

    @Override
    public Enumeration<String> getKeys() {
        return bundle.getKeys();
    }

    @Override
    public String getBaseBundleName() {
        return bundle.getBaseBundleName();
    }
}
