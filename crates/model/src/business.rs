//! BlendVision One business-setting rules, shared by the browser and the server.
