export * from './empty-state/empty-state.component';
export * from './kpi-card/kpi-card.component';
export * from './page-header/page-header.component';
export * from './score-chip/score-chip.component';
export * from './bar-chart/bar-chart.component';
export * from './copy-button/copy-button.component';
export * from './weekday-picker/weekday-picker.component';
