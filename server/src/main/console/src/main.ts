import 'tdesign-vue-next/es/style/index.css';
import './styles.css';

import { createPinia } from 'pinia';
import TDesign from 'tdesign-vue-next';
import { createApp } from 'vue';

import App from './App.vue';
import { createConsoleRouter } from './router';

const app = createApp(App);
app.use(createPinia());
app.use(createConsoleRouter());
app.use(TDesign);
app.mount('#app');
