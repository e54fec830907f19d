package cn.yunxi.kepu.emergency;

import java.time.Clock;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.emergency.EmergencyViews.TemplateView;

/** The district's pre-approved emergency texts: whatever a district admin saves here may go out in one step. */
@Service
class EmergencyTemplateService {

    private final EmergencyRepository repository;
    private final Clock clock;

    EmergencyTemplateService(EmergencyRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<TemplateView> list(boolean activeOnly) {
        return repository.templates(activeOnly).stream().map(EmergencyTemplateService::view).toList();
    }

    @Transactional
    TemplateView create(CurrentUser user, EmergencyRequests.SaveTemplate request) {
        try {
            long id = repository.insertTemplate(request, user.id(), Times.now(clock));
            return get(id);
        } catch (DuplicateKeyException e) {
            throw new ApiException(EmergencyErrors.EMERGENCY_TEMPLATE_NAME_TAKEN);
        }
    }

    @Transactional
    TemplateView update(CurrentUser user, long id, EmergencyRequests.SaveTemplate request) {
        try {
            if (repository.updateTemplate(id, request, user.id(), Times.now(clock)) == 0) {
                throw new ApiException(EmergencyErrors.EMERGENCY_TEMPLATE_NOT_FOUND);
            }
            return get(id);
        } catch (DuplicateKeyException e) {
            throw new ApiException(EmergencyErrors.EMERGENCY_TEMPLATE_NAME_TAKEN);
        }
    }

    private TemplateView get(long id) {
        return repository.template(id).map(EmergencyTemplateService::view)
                .orElseThrow(() -> new ApiException(EmergencyErrors.EMERGENCY_TEMPLATE_NOT_FOUND));
    }

    static TemplateView view(EmergencyRepository.TemplateRow t) {
        Hazard hazard = Hazard.valueOf(t.hazard());
        return new TemplateView(t.id(), hazard, hazard.label(), t.name(), t.title(), t.body(), t.example(), t.active(),
                Times.toOffset(t.updatedAt()));
    }
}
