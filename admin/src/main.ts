import { createApp, type Component } from 'vue';
import {
  ElAlert, ElAside, ElButton, ElCard, ElCheckbox, ElCheckboxGroup, ElCol, ElCollapse, ElCollapseItem, ElConfigProvider, ElContainer, ElDatePicker,
  ElDescriptions, ElDescriptionsItem, ElDialog, ElDivider, ElEmpty, ElForm, ElFormItem, ElHeader, ElIcon, ElInput,
  ElInputNumber, ElLink, ElLoading, ElMain, ElMenu, ElMenuItem, ElOption, ElPagination, ElPopconfirm, ElRadio, ElRadioButton,
  ElRadioGroup, ElRow, ElSelect, ElSpace, ElStatistic, ElSwitch, ElTable, ElTableColumn, ElTabPane, ElTabs, ElTag, ElText,
  ElTooltip, ElTreeSelect, ElUpload,
} from 'element-plus';
import 'element-plus/dist/index.css';
import App from './App.vue';
import { router } from './router';
import './style.css';

// Only the components the pages use are bundled (the rest of Element Plus is left out).
const components: Component[] = [
  ElAlert, ElAside, ElButton, ElCard, ElCheckbox, ElCheckboxGroup, ElCol, ElCollapse, ElCollapseItem, ElConfigProvider, ElContainer, ElDatePicker,
  ElDescriptions, ElDescriptionsItem, ElDialog, ElDivider, ElEmpty, ElForm, ElFormItem, ElHeader, ElIcon, ElInput,
  ElInputNumber, ElLink, ElMain, ElMenu, ElMenuItem, ElOption, ElPagination, ElPopconfirm, ElRadio, ElRadioButton,
  ElRadioGroup, ElRow, ElSelect, ElSpace, ElStatistic, ElSwitch, ElTable, ElTableColumn, ElTabPane, ElTabs, ElTag, ElText,
  ElTooltip, ElTreeSelect, ElUpload,
];

const app = createApp(App);
// Registered by name: some (ElRadioGroup, ElTableColumn…) install nothing on their own.
for (const component of components) app.component(component.name!, component);
app.use(ElLoading);
app.use(router);
app.mount('#app');
