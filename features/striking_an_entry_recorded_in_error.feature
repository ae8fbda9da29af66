Feature: Striking an entry recorded in error
  As a secretariat officer
  I want to strike a statement, a panelist, a document, a circulation or a submission recorded in error
  So that it leaves every view and page, while the history still shows it, marked struck, with why and by whom

  Background:
    Given the body cybercrime-egm is established on 21 December 2010
    And the 6th session of cybercrime-egm is scheduled for 27–29 July 2020 in "Vienna, Austria" on 2 December 2019
    And the agenda of the 6th session of cybercrime-egm is issued on 6 July 2020 with the items:
      | item | title                     |
      | 1    | Organizational matters    |
      | 2    | International cooperation |
    And the document "Proposed organization of work" of the 6th session of cybercrime-egm is issued as organization-of-work on 13 July 2020
    And the document "Proposed organization of work" of the 6th session of cybercrime-egm is circulated to "extended Bureau" on 13 July 2020
    And the 6th session of cybercrime-egm is opened on 27 July 2020
    And a general statement by "Australia" is recorded for the 6th session of cybercrime-egm on 27 July 2020
    And a general statement by "Iraq" is recorded for the 6th session of cybercrime-egm on 27 July 2020

  Rule: A struck entry leaves the session's page, and stays in its history, marked struck

    Example: A statement recorded for the wrong delegation is struck
      When the entry at version 7 of the 6th session of cybercrime-egm is struck on 30 July 2020 because "Iraq made no statement: typed in error"
      Then the entry at version 7 of the 6th session of cybercrime-egm is struck on 30 July 2020 because "Iraq made no statement: typed in error"
      And the history of the 6th session of cybercrime-egm marks the entry at version 7 struck on 30 July 2020 because "Iraq made no statement: typed in error"
      And the page of the 6th session of cybercrime-egm lists the general statements of "Australia"

    Example: A document issued in error is struck, and can then be issued again
      When the entry at version 3 of the 6th session of cybercrime-egm is struck on 30 July 2020 because "Issued under the wrong session"
      Then the page of the 6th session of cybercrime-egm lists no document
      And the document "Proposed organization of work" of the 6th session of cybercrime-egm can be issued as organization-of-work again on 30 July 2020

  Rule: A struck submission no longer counts

    Example: A submission recorded twice is struck once
      Given the 2018-2021 workplan of cybercrime-egm is adopted at its 4th session on 5 April 2018, with a stocktaking meeting no later than 2021 and the topics:
        | year | topics                                |
        | 2020 | International cooperation; Prevention |
      And comments for 2020 under the 2018-2021 workplan of cybercrime-egm are requested on 2 December 2019 with the deadline 12 March 2020
      And a submission from the Member State "Norway" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 10 March 2020
      And a submission from the Member State "Norway" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 10 March 2020
      When the entry at version 4 of the 2018-2021 workplan of cybercrime-egm is struck on 11 March 2020 because "Received once, recorded twice"
      Then the call for 2020 comments under the 2018-2021 workplan of cybercrime-egm counts 1 submission
      And the history of the 2018-2021 workplan of cybercrime-egm marks the entry at version 4 struck on 11 March 2020 because "Received once, recorded twice"

  Rule: An entry is struck once, and only an entry the record holds

    Example: A statement struck twice
      Given the entry at version 7 of the 6th session of cybercrime-egm is struck on 30 July 2020 because "Typed in error"
      When the entry at version 7 of the 6th session of cybercrime-egm is struck on 30 July 2020 because "Typed in error"
      Then the officer is told "the entry at version 7 of the 6th session of cybercrime-egm is struck already"
      And nothing is recorded

    Example: A version the session does not have
      When the entry at version 99 of the 6th session of cybercrime-egm is struck on 30 July 2020 because "Typed in error"
      Then the officer is told "the 6th session of cybercrime-egm has no entry at version 99"
      And nothing is recorded

    Example: The agenda is not struck: a revised one replaces it
      When the entry at version 2 of the 6th session of cybercrime-egm is struck on 30 July 2020 because "Wrong items"
      Then the officer is told "the entry at version 2 of the 6th session of cybercrime-egm is the agenda, which cannot be struck; record a new decision, or a correction, instead"
      And nothing is recorded
