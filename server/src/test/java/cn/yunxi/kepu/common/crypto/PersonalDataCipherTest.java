package cn.yunxi.kepu.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

    private final PersonalDataCipher cipher = new PersonalDataCipher(key());

    @Test
    void encryptsPerValueAndDecryptsBack() {
        String first = cipher.encrypt("13800138000");
        String second = cipher.encrypt("13800138000");

        assertThat(first).doesNotContain("13800138000").startsWith("v1:");
        assertThat(first).isNotEqualTo(second);
        assertThat(cipher.decrypt(first)).isEqualTo("13800138000");
        assertThat(cipher.decrypt(second)).isEqualTo("13800138000");
    }

    @Test
    void lookupHashIsStableButKeyed() {
        PersonalDataCipher other = new PersonalDataCipher(key());

        assertThat(cipher.lookupHash("13800138000")).isEqualTo(cipher.lookupHash("13800138000")).hasSize(64);
        assertThat(other.lookupHash("13800138000")).isNotEqualTo(cipher.lookupHash("13800138000"));
    }

    @Test
    void tamperedCiphertextIsRejected() {
        String sealed = cipher.encrypt("13800138000");
        char last = sealed.charAt(sealed.length() - 3);
        String tampered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A')
                + sealed.substring(sealed.length() - 2);

        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void masksPhonesAndNames() {
        assertThat(PersonalDataCipher.maskPhone("13800138000")).isEqualTo("138****8000");
        assertThat(PersonalDataCipher.maskPhone("12345")).isEqualTo("*****");
        assertThat(PersonalDataCipher.maskName("张三")).isEqualTo("张*");
        assertThat(PersonalDataCipher.maskName("欧阳小明")).isEqualTo("欧***");
    }

    @Test
    void refusesKeysOfTheWrongSize() {
        assertThatThrownBy(() -> new PersonalDataCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
