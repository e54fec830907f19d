package cn.yunxi.kepu.console;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Small real PNG files for the browser to upload (it shows their thumbnails, so they must decode). */
final class TestImages {

    private TestImages() {
    }

    static Path png(String name, Color color) {
        BufferedImage image = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 320, 180);
        g.setColor(Color.WHITE);
        g.fillOval(110, 40, 100, 100);
        g.dispose();
        try {
            Path file = Files.createTempDirectory("kepu-console-images-").resolve(name + ".png");
            ImageIO.write(image, "png", file.toFile());
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
