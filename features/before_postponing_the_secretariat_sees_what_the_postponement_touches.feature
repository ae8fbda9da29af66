Feature: Before postponing, the secretariat sees what the postponement touches
  As a secretariat officer
  I want to see, before I record a postponement, what it would touch: the calls for comments of the cycle discussed at that session, its panelists, its documents, the stocktaking milestone, and the messages that would go out
  So that nobody concerned is forgotten when a session moves, and nothing is recorded until I decide

  Background:
    Given the body cybercrime-egm is established on 21 December 2010
    And the 2018-2021 workplan of cybercrime-egm is adopted at its 4th session on 5 April 2018, with a stocktaking meeting no later than 2021 and the topics:
      | year | topics                                |
      | 2020 | International cooperation; Prevention |
      | 2021 | Stocktaking                           |
    And comments for 2020 under the 2018-2021 workplan of cybercrime-egm are requested on 2 December 2019 with the deadline 12 March 2020
    And the 6th session of cybercrime-egm is scheduled for 6–8 April 2020 in "Vienna, Austria" on 2 December 2019
    And "focal.point@mission-austria.example" (Maria Huber of Austria) subscribes to cybercrime-egm on 3 December 2019, in English
    And "pointfocal@mission-france.example" (Jean Dupont of France) subscribes to cybercrime-egm on 3 December 2019, in French

  Rule: A preview names what the postponement touches, and records nothing

    Example: The sixth session is to be postponed because of the COVID-19 pandemic
      Given the agenda of the 6th session of cybercrime-egm is issued on 10 January 2020 with the items:
        | item | title                     |
        | 1    | Organizational matters    |
        | 2    | International cooperation |
      And the document "Proposed organization of work for the 6th session" of the 6th session of cybercrime-egm is issued as an organization-of-work on 10 January 2020
      And the panelist "Ms. Anna Weber" of "Austria" is confirmed on item 2 of the 6th session of cybercrime-egm to present "Cooperation in practice" on 11 January 2020
      When the officer previews postponing the 6th session of cybercrime-egm to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"
      Then the preview would record the postponement of the 6th session of cybercrime-egm from 6–8 April 2020 to 27–29 July 2020
      And the preview names the call for comments for 2020 under the 2018-2021 workplan of cybercrime-egm, due 12 March 2020
      And the preview names the panelist "Ms. Anna Weber" of "Austria", on item 2
      And the preview names the document "Proposed organization of work for the 6th session"
      And the preview would send:
        | to                                  | subject                                                      |
        | focal.point@mission-austria.example | [cybercrime-egm] 6th session: 27–29 July 2020, Vienna, Austria |
        | pointfocal@mission-france.example   | [cybercrime-egm] 6e session : 27–29 juillet 2020, Vienna, Austria |
      And nothing is recorded

    Example: Postponing the stocktaking meeting past 2021 would leave the milestone unmet
      Given the 7th session of cybercrime-egm is scheduled for 6–8 April 2021 in "Vienna, Austria" on 1 December 2020, with:
        | stocktaking | yes |
      When the officer previews postponing the 7th session of cybercrime-egm to 5–7 April 2022 on 1 March 2021 because "No quorum can be reached"
      Then the preview says the stocktaking milestone of the 2018-2021 workplan of cybercrime-egm would no longer be met by the 7th session
      And the preview names no call for comments
      And nothing is recorded

  Rule: A postponement the secretariat would refuse is refused in the preview too

    Example: A preview of a postponement to earlier dates is refused
      When the officer previews postponing the 6th session of cybercrime-egm to 27–29 March 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"
      Then the officer is told "a postponement must move the start of the 6th session of cybercrime-egm after 2020-04-06 (its dates are 6–8 April 2020), but 2020-03-27 is not later; reschedule it instead"
      And nothing is recorded
