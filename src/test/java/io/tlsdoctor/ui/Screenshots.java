package io.tlsdoctor.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Saves what a test sees as a PNG under target/screenshots, so a person can look at every step. */
public final class Screenshots {

    private Screenshots() {}

    /** Call on the FX thread. */
    public static Path save(Scene scene, String name) {
        Path dir = Path.of(System.getProperty("tlsdoctor.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            WritableImage image = scene.snapshot(null);
            Path file = dir.resolve(name + ".png");
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
