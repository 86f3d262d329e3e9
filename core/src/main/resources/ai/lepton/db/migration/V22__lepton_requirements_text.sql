-- Free text in an engagement's data: the attributes named as text (others are detected) and the word-vector options
-- (StringToWordVector's, in Weka's words) the learners apply to them inside each fold.
ALTER TABLE lepton_requirements ADD COLUMN text_attributes VARCHAR(2000);
ALTER TABLE lepton_requirements ADD COLUMN text_options VARCHAR(2000);
