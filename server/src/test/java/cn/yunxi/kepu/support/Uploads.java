package cn.yunxi.kepu.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import tools.jackson.databind.JsonNode;

/**
 * Direct uploads as the mini-program makes them ({@code wx.uploadFile} with the policy's form fields) against the
 * local storage adapter the tests run with.
 */
public final class Uploads {

    /** Colours of the pixels of {@link #PNG}, row by row. */
    public static final int[][] PNG_PIXELS = {{0xE53935, 0x43A047, 0x1E88E5}, {0xFFFFFF, 0x000000, 0xFDD835}};
    /** A real 3 × 2 PNG (written by ImageIO): whatever reads uploads as images can decode it. */
    public static final byte[] PNG = png();

    private Uploads() {
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < PNG_PIXELS.length; y++) {
            for (int x = 0; x < PNG_PIXELS[y].length; x++) {
                image.setRGB(x, y, PNG_PIXELS[y][x]);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Asserts that {@code bytes} decode to {@link #PNG}'s image, pixel by pixel. */
    public static void assertIsThePng(byte[] bytes) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new AssertionError("not a readable image", e);
        }
        if (image == null) {
            throw new AssertionError("not an image: " + bytes.length + " bytes");
        }
        for (int y = 0; y < PNG_PIXELS.length; y++) {
            for (int x = 0; x < PNG_PIXELS[y].length; x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                if (rgb != PNG_PIXELS[y][x] || image.getWidth() != 3 || image.getHeight() != 2) {
                    throw new AssertionError("pixel (" + x + ", " + y + ") of a " + image.getWidth() + " × "
                            + image.getHeight() + " image is " + Integer.toHexString(rgb));
                }
            }
        }
    }

    /** Gets a policy for {@code purpose} and uploads a small PNG with it; returns the upload's answer (a MediaView). */
    public static ApiClient.Response uploadPng(ApiClient api, String token, String purpose) {
        ApiClient.Response policy = api.post("/api/v1/media/upload-policy", token,
                "{\"purpose\":\"" + purpose + "\",\"contentType\":\"image/png\",\"size\":" + PNG.length + "}");
        if (policy.status() != 200) {
            throw new IllegalStateException("no upload policy: " + policy);
        }
        HttpResponse<String> uploaded = upload(policy.json(), PNG);
        return new ApiClient.Response(uploaded.statusCode(), uploaded.body(), uploaded);
    }

    /**
     * Uploads {@code bytes} as a staff member's evidence (purpose EVIDENCE) through the staff upload policy and
     * confirms it, as the console does; returns the key.
     */
    public static String staffEvidence(ApiClient api, String token, String contentType, byte[] bytes) {
        return staffMedia(api, token, "EVIDENCE", contentType, bytes);
    }

    /** Uploads {@code bytes} for {@code purpose} through the staff upload policy and confirms it; returns the key. */
    public static String staffMedia(ApiClient api, String token, String purpose, String contentType, byte[] bytes) {
        ApiClient.Response policy = api.post("/api/admin/v1/media/upload-policy", token, ApiClient.json(java.util.Map.of(
                "purpose", purpose, "contentType", contentType, "size", bytes.length)));
        if (policy.status() != 200) {
            throw new IllegalStateException("no upload policy: " + policy);
        }
        HttpResponse<String> uploaded = upload(policy.json(), bytes);
        if (uploaded.statusCode() != 200) {
            throw new IllegalStateException("upload refused: " + uploaded.statusCode() + " " + uploaded.body());
        }
        String key = policy.json().path("key").asString();
        ApiClient.Response confirmed = api.post("/api/admin/v1/media/confirm", token, ApiClient.json(java.util.Map.of("key", key)));
        if (confirmed.status() != 200) {
            throw new IllegalStateException("not confirmed: " + confirmed);
        }
        return key;
    }

    /** Posts {@code file} to the policy's host with its form fields, as multipart/form-data. */
    public static HttpResponse<String> upload(JsonNode policy, byte[] file) {
        String boundary = "----kepu" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, JsonNode> field : policy.path("fields").properties()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                        + "\"\r\n\r\n" + field.getValue().asString() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(file);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(policy.path("host").asString()))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs a URL the application handed out (signed read URL) and returns the bytes. */
    public static HttpResponse<byte[]> fetch(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
