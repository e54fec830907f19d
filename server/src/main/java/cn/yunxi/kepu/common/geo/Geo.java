package cn.yunxi.kepu.common.geo;

/**
 * Great-circle distance on a sphere of the WGS-84 mean radius (haversine). Check-in fences are tens to thousands of
 * metres, where the sphere is off by a few metres at most; an ellipsoidal formula would buy nothing.
 */
public final class Geo {

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private Geo() {
    }

    public static double distanceMeters(double lat1, double lng1, double lat2, double lng2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = Math.toRadians(lat2 - lat1);
        double dl = Math.toRadians(lng2 - lng1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
