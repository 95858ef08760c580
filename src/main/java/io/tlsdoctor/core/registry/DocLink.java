package io.tlsdoctor.core.registry;

import io.tlsdoctor.core.text.LocalizedText;

/**
 * The Microsoft page that documents a registry finding: what the setting does and how to set it.
 *
 * @param title the page's title, per language
 * @param url   its address
 */
public record DocLink(LocalizedText title, String url) {}
