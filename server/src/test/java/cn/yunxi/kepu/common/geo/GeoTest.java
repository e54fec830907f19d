package cn.yunxi.kepu.common.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoTest {

    @Test
    void samePointIsZero() {
        assertThat(Geo.distanceMeters(29.473, 113.272, 29.473, 113.272)).isZero();
    }

    @Test
    void oneThousandthOfADegreeOfLatitudeIsAboutOneHundredElevenMetres() {
        assertThat(Geo.distanceMeters(29.473, 113.272, 29.474, 113.272)).isCloseTo(111.2, within(0.5));
    }

    @Test
    void longitudeShrinksWithLatitude() {
        // At 29.5° N a degree of longitude is cos(29.5°) of a degree of latitude.
        double east = Geo.distanceMeters(29.5, 113.0, 29.5, 113.001);
        assertThat(east).isCloseTo(111.2 * Math.cos(Math.toRadians(29.5)), within(0.5));
    }

    @Test
    void yueyangToChangshaIsAboutOneHundredThirtyTwoKilometres() {
        // 岳阳楼 (29.3780, 113.0930) to 长沙五一广场 (28.1960, 112.9770). Vincenty's formula on the WGS-84 ellipsoid,
        // computed independently, gives 131.49 km; the sphere may differ from it by a few tenths of a percent.
        assertThat(Geo.distanceMeters(29.3780, 113.0930, 28.1960, 112.9770) / 1000).isCloseTo(131.5, within(1.0));
    }
}
