package cn.yunxi.kepu.resident;

import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * A resident's WeChat openid, for the WeChat calls that need it (msgSecCheck and mediaCheckAsync v2). Kept apart from
 * {@link ResidentService} on purpose: the openid is an identifier other features should not carry around.
 */
@Service
public class ResidentOpenidService {

    private final ResidentMapper residents;

    ResidentOpenidService(ResidentMapper residents) {
        this.residents = residents;
    }

    /** The openid of an active resident; empty for unknown or deleted accounts. */
    public Optional<String> openid(long residentId) {
        Resident resident = residents.selectById(residentId);
        if (resident == null || !Resident.ACTIVE.equals(resident.getStatus())) {
            return Optional.empty();
        }
        return Optional.ofNullable(resident.getOpenid());
    }
}
