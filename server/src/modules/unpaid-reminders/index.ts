export { registerUnpaidReminderRoutes } from "./reminders.routes";
export { startUnpaidReminders } from "./reminders.jobs";
export { recoveryReport, type Recovery, type RecoveryReport } from "./recovery";
export { REMINDER_QUEUE } from "./reminders.repo";
export { DEFAULT_REMINDER_RULES, MAX_REMINDERS, reminderRulesOf, type ReminderRules } from "./rules";
