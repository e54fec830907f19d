package cn.yunxi.kepu.points;

import java.util.List;

/** A resident's balance and what each reason has given today against its cap. */
public record PointsBalance(long balance, List<Today> today) {

    public record Today(PointsReason reason, String label, int earned, int cap) {
    }
}
