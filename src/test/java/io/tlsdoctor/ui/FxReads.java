package io.tlsdoctor.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Toggle;
import javafx.stage.Window;
import org.controlsfx.control.ToggleSwitch;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The one way UI tests read and wait on JavaFX state. Every read runs on the FX thread: a node read from the test
 * thread while the FX thread rewrites it can tear (CI once died with an IndexOutOfBoundsException inside
 * TextArea.getText()), and a bound property read there runs its binding on the wrong thread.
 */
public final class FxReads {

    private static final long READ_TIMEOUT_SECONDS = 30;
    private static final long DEFAULT_WAIT_SECONDS = 40;

    private FxReads() {}

    /** Runs {@code read} on the FX thread and returns its result. */
    public static <T> T onFx(Callable<T> read) {
        if (Platform.isFxApplicationThread()) {
            try {
                return read.call();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        try {
            return WaitForAsyncUtils.asyncFx(read).get(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while reading on the FX thread", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new AssertionError(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the FX thread did not answer a read within " + READ_TIMEOUT_SECONDS + " s", e);
        }
    }

    /** The text of a label, button or text input found by {@code query}; "" when it has none. */
    public static String text(FxRobot robot, String query) {
        return onFx(() -> textOf(robot.lookup(query).query()));
    }

    /** The text of the node found by {@code query} inside {@code window}'s scene (a second window, a dialog). */
    public static String text(Window window, String query) {
        return onFx(() -> textOf(window.getScene().lookup(query)));
    }

    /** Whether a node matching {@code query} is in the scene graph. */
    public static boolean exists(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).tryQuery().isPresent());
    }

    /** Whether a node matching {@code query} is in {@code window}'s scene. */
    public static boolean exists(Window window, String query) {
        return onFx(() -> window.getScene().lookup(query) != null);
    }

    /** Whether the node found by {@code query} is disabled. */
    public static boolean disabled(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).query().isDisabled());
    }

    /** Whether the node found by {@code query} is visible (its own flag, as {@link Node#isVisible()}). */
    public static boolean visible(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).query().isVisible());
    }

    /** Whether the toggle (a toggle button, a check box, a switch) found by {@code query} is selected. */
    public static boolean selected(FxRobot robot, String query) {
        return onFx(() -> {
            Node node = robot.lookup(query).query();
            if (node instanceof Toggle toggle) {
                return toggle.isSelected();
            }
            if (node instanceof CheckBox box) {
                return box.isSelected();
            }
            if (node instanceof ToggleSwitch toggleSwitch) {
                return toggleSwitch.isSelected();
            }
            throw new AssertionError(node + " cannot be selected");
        });
    }

    /** The style classes of the node found by {@code query}, copied on the FX thread. */
    public static List<String> styleClasses(FxRobot robot, String query) {
        return onFx(() -> List.copyOf(robot.lookup(query).query().getStyleClass()));
    }

    /** The texts of every label, button or text input matching {@code query}, in scene order. */
    public static List<String> texts(FxRobot robot, String query) {
        return onFx(() ->
                robot.lookup(query).queryAll().stream().map(FxReads::textOf).toList());
    }

    /** Every label's and text input's text under {@code query}, one per line, in scene order. */
    public static String allText(FxRobot robot, String query) {
        return onFx(() -> {
            StringBuilder text = new StringBuilder();
            collectText(robot.lookup(query).query(), text);
            return text.toString();
        });
    }

    /** Waits until {@code condition}, evaluated on the FX thread, holds; fails naming {@code what} if it never does. */
    public static void waitUntil(String what, Callable<Boolean> condition) {
        waitUntil(what, DEFAULT_WAIT_SECONDS, condition);
    }

    /** Waits until {@code condition}, evaluated on the FX thread, holds; fails naming {@code what} if it never does. */
    public static void waitUntil(String what, long seconds, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!Boolean.TRUE.equals(onFx(condition))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + seconds + " s in vain for: " + what);
            }
            sleep(50);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Waits until the text found by {@code query} satisfies {@code expected} (a node not there yet is waited for);
     * the failure names the last text seen. Returns the text that satisfied it.
     */
    public static String waitForText(FxRobot robot, String query, Predicate<String> expected, String what) {
        return waitForText(() -> robot.lookup(query).tryQuery().orElse(null), query, expected, what);
    }

    /** As {@link #waitForText(FxRobot, String, Predicate, String)}, in another window (a dialog, a second wizard). */
    public static String waitForText(Window window, String query, Predicate<String> expected, String what) {
        return waitForText(() -> window.getScene().lookup(query), query, expected, what);
    }

    private static String waitForText(Callable<Node> find, String query, Predicate<String> expected, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEFAULT_WAIT_SECONDS);
        String seen = onFx(() -> textOrNull(find.call()));
        while (seen == null || !expected.test(seen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + DEFAULT_WAIT_SECONDS + " s in vain for " + what + " in " + query
                        + (seen == null ? "; it never appeared" : "; it last said: \"" + seen + "\""));
            }
            sleep(50);
            seen = onFx(() -> textOrNull(find.call()));
        }
        WaitForAsyncUtils.waitForFxEvents();
        return seen;
    }

    /**
     * Clicks Next until the step headed {@code heading} shows, waiting while a step is still working (Next disabled).
     */
    public static void nextUntil(FxRobot robot, String heading) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEFAULT_WAIT_SECONDS);
        for (int clicks = 0; clicks < 12 && !heading.equals(text(robot, "#stepHeading")); ) {
            WaitForAsyncUtils.waitForFxEvents();
            if (!disabled(robot, "#nextButton")) {
                robot.clickOn("#nextButton");
                clicks++;
            } else if (System.nanoTime() > deadline) {
                break;
            } else {
                sleep(100); // a step is still working
            }
            WaitForAsyncUtils.waitForFxEvents();
        }
        String shown = text(robot, "#stepHeading");
        if (!heading.equals(shown)) {
            throw new AssertionError(
                    "Next never reached the step \"" + heading + "\"; the wizard shows \"" + shown + "\"");
        }
    }

    /** Saves the window's scene as target/screenshots/NAME.png, after the FX thread has caught up. */
    public static Path screenshot(Window window, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> Screenshots.save(window.getScene(), name));
    }

    /** Saves the scene as target/screenshots/NAME.png, after the FX thread has caught up. */
    public static Path screenshot(Scene scene, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> Screenshots.save(scene, name));
    }

    /** Clicks the node found by {@code query} once it is visible and enabled. */
    public static void clickWhenEnabled(FxRobot robot, String query) {
        waitUntil(
                query + " enabled",
                () -> robot.lookup(query)
                        .tryQuery()
                        .map(node -> !node.isDisabled() && node.isVisible())
                        .orElse(false));
        robot.clickOn(query);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String textOrNull(Node node) {
        return node == null ? null : textOf(node);
    }

    private static String textOf(Node node) {
        if (node == null) {
            throw new AssertionError("no such node");
        }
        String text = node instanceof TextInputControl input
                ? input.getText()
                : node instanceof Labeled labeled ? labeled.getText() : null;
        if (text == null && !(node instanceof TextInputControl) && !(node instanceof Labeled)) {
            throw new AssertionError(node + " has no text of its own");
        }
        return text == null ? "" : text;
    }

    private static void collectText(Node node, StringBuilder text) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && !(node instanceof Button) && labeled.getText() != null) {
            text.append(labeled.getText()).append('\n');
        } else if (node instanceof TextInputControl input && input.getText() != null) {
            text.append(input.getText()).append('\n');
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectText(child, text);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
