package cn.yunxi.kepu.common.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data (phone numbers, ID numbers) per value with AES-256-GCM and derives a keyed hash for
 * equality lookups, so the database never holds a plain phone number yet "find by phone" still works.
 * The ciphertext carries a version prefix so the key can be rotated later.
 */
public class PersonalDataCipher {

    private static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey encryptionKey;
    private final SecretKey hashKey;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(byte[] dataKey) {
        if (dataKey.length != 32) {
            throw new IllegalArgumentException("KEPU_DATA_KEY must be 32 bytes (base64 of 256 bits)");
        }
        // Separate keys for encryption and hashing, both derived from the one configured key.
        this.encryptionKey = new SecretKeySpec(derive(dataKey, "kepu-encrypt"), "AES");
        this.hashKey = new SecretKeySpec(derive(dataKey, "kepu-lookup-hash"), "HmacSHA256");
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return VERSION + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(VERSION + ":")) {
            throw new IllegalStateException("unknown ciphertext version");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(VERSION.length() + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed", e);
        }
    }

    /** Keyed hash (HMAC-SHA256, hex) for lookups; the same input always gives the same hash. */
    public String lookupHash(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hashing failed", e);
        }
    }

    /** 138****5678 style; anything shorter than 7 characters is fully masked. */
    public static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() < 7) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    /** 张* / 欧阳** style: keeps the family name only. */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        return name.substring(0, 1) + "*".repeat(Math.max(1, name.length() - 1));
    }

    private static byte[] derive(byte[] key, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
