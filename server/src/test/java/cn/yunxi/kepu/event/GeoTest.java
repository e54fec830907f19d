package cn.yunxi.kepu.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoTest {

    @Test
    void samePointIsZero() {
        assertThat(Geo.distanceMetres(29.473, 113.272, 29.473, 113.272)).isZero();
    }

    @Test
    void oneThousandthOfADegreeOfLatitudeIsAboutOneHundredElevenMetres() {
        assertThat(Geo.distanceMetres(29.473, 113.272, 29.474, 113.272)).isCloseTo(111.2, within(0.5));
    }

    @Test
    void longitudeShrinksWithLatitude() {
        // At 29.5° N a degree of longitude is cos(29.5°) of a degree of latitude.
        double east = Geo.distanceMetres(29.5, 113.0, 29.5, 113.001);
        assertThat(east).isCloseTo(111.2 * Math.cos(Math.toRadians(29.5)), within(0.5));
    }

    @Test
    void yueyangToChangshaIsAboutOneHundredTwentyKilometres() {
        // 岳阳楼 (29.3780, 113.0930) to 长沙五一广场 (28.1960, 112.9770)
        assertThat(Geo.distanceMetres(29.3780, 113.0930, 28.1960, 112.9770) / 1000).isCloseTo(131.9, within(1.5));
    }
}
