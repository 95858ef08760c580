package io.tlsdoctor.ui.common;

/** Opens a web address in the browser or a folder in Explorer (a file manager); false when it could not. */
@FunctionalInterface
public interface Opener {

    boolean open(String target);
}
