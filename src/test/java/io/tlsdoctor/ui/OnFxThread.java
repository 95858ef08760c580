package io.tlsdoctor.ui;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a UI-test helper that touches nodes and so must itself be called on the FX thread, from inside
 * {@link FxReads#onFx} or {@code robot.interact}. FxThreadReadsTest lets such a helper read nodes and holds
 * every call to it to the same rule as a node read.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnFxThread {}
