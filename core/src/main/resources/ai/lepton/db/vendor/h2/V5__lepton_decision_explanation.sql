-- The attributes that moved each decision's prediction most (PerturbationExplainer), kept with the decision.
ALTER TABLE lepton_decision ADD COLUMN explanation_json CLOB;
