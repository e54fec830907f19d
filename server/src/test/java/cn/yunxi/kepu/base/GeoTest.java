package cn.yunxi.kepu.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoTest {

    @Test
    void oneThousandthOfADegreeOfLatitudeIsAboutOneHundredAndElevenMetres() {
        assertThat(Geo.distanceMeters(29.4700, 113.27, 29.4710, 113.27)).isCloseTo(111.2, within(0.5));
    }

    @Test
    void yueyangToChangshaIsAboutOneHundredAndTwentyKilometres() {
        // 岳阳楼 (29.3786, 113.0922) to 长沙 五一广场 (28.1956, 112.9765): about 132 km
        assertThat(Geo.distanceMeters(29.3786, 113.0922, 28.1956, 112.9765) / 1000).isCloseTo(132.0, within(2.0));
    }

    @Test
    void theSamePointIsZeroMetresAway() {
        assertThat(Geo.distanceMeters(29.47, 113.27, 29.47, 113.27)).isZero();
    }
}
