package cn.yunxi.kepu;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Features talk only through each other's public API and events; this fails the build when one reaches in. */
class ModularityTest {

    @Test
    void featureBoundariesHold() {
        ApplicationModules.of(KepuApplication.class).verify();
    }
}
