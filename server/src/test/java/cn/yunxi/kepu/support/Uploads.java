package cn.yunxi.kepu.support;

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

import tools.jackson.databind.JsonNode;

/**
 * Direct uploads as the mini-program makes them ({@code wx.uploadFile} with the policy's form fields) against the
 * local storage adapter the tests run with.
 */
public final class Uploads {

    /** A few bytes that start like a PNG. */
    public static final byte[] PNG = "\u0089PNG fake image bytes".getBytes(StandardCharsets.ISO_8859_1);

    private Uploads() {
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
