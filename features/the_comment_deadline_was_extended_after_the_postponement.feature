Feature: The comment deadline was extended after the postponement
  As the secretariat of the Expert Group on Cybercrime
  I want an extended deadline recorded beside the deadline it replaces
  So that comments sent after the original deadline are judged against the deadline in force

  Background:
    Given the record of the Expert Group on Cybercrime has been imported

  Rule: An extension keeps the original deadline on record and says why

    Scenario: The 2020 deadline moves from 12 March to 1 June 2020
      Then comments for 2020 under the 2018-2021 workplan were requested by 2020-03-12
      And the deadline for 2020 comments was extended from 2020-03-12 to 2020-06-01, "Postponement of the session caused by the outbreak of COVID-19"
      And the deadline for 2020 comments was extended after the 6th session was postponed

  Rule: An extension is later than the deadline in force

    Scenario: Extending the 2020 deadline to 1 May 2020 is refused
      When the secretariat imports:
        """
        - command: extend-deadline
          body: cybercrime-egm
          period: 2018-2021
          cycle: 2020
          to: 2020-05-01
          reason: Further requests from Member States
          on: 2020-04-15
        """
      Then the import stops at entry 1 because "the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is 2020-06-01; an extension must be later, and 2020-05-01 is not"

  Rule: A comment is recorded as received only from someone known to have sent it

    Scenario: The page names no one who sent comments
      Then no comment is recorded as received for 2020
