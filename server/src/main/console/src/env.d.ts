/// <reference types="vite/client" />
/// <reference types="tdesign-vue-next/global" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
