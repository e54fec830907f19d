// The plan a page is about: the plans from the API, the one chosen (kept in the address as ?plan=ID so a link
// opens the same plan), the newest by default.
import { computed, ref, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';

import { api, unwrap, type Schemas } from '@/api/client';
import { messageOf } from '@/api/problem';

export type PlanSummary = Schemas['PlanSummary'];

export function usePlanChoice() {
  const route = useRoute();
  const router = useRouter();
  const plans = ref<PlanSummary[]>([]);
  const failure = ref('');
  const planId = ref<number>();

  async function loadPlans() {
    try {
      plans.value = await unwrap(api.GET('/api/admin/v1/plans'));
      const asked = Number(route.query.plan);
      planId.value = plans.value.some((p) => p.id === asked) ? asked : plans.value[0]?.id;
    } catch (error) {
      failure.value = messageOf(error);
    }
  }

  watch(planId, (id) => {
    if (id !== undefined && String(id) !== route.query.plan) {
      void router.replace({ query: { ...route.query, plan: String(id) } });
    }
  });

  const plan = computed(() => plans.value.find((p) => p.id === planId.value));
  const options = computed(() => plans.value.map((p) => ({ label: p.name ?? '', value: p.id })));
  return { plans, plan, planId, options, failure, loadPlans };
}
