package cn.yunxi.kepu.points;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.personaldata.PersonalDataSection;

/** The resident's points ledger in "export my data". */
@Component
class PointsPersonalData implements PersonalDataSection {

    private final PointsService points;

    PointsPersonalData(PointsService points) {
        this.points = points;
    }

    @Override
    public String name() {
        return "points";
    }

    @Override
    public Object export(long residentId) {
        return new Export(points.balance(residentId).balance(), points.all(residentId));
    }

    record Export(long balance, List<PointsEntry> ledger) {
    }
}
