// Lepton's Cockpit configuration: its plugins (the "Engagements" dashboard and the "Engagement" tab of an
// ai-engagement instance), served from app/cockpit/lepton/engagements.js in lepton-spring-boot-starter.
// An application with its own config.js adds 'lepton/engagements' to its customScripts instead.
export default {
  customScripts: ['lepton/engagements']
};
