Feature: The comment deadline was extended after the postponement
  As the secretariat of the Expert Group on Cybercrime
  I want an extended deadline recorded beside the deadline it replaces
  So that comments sent after the original deadline are judged against the deadline in force

  Background:
    Given the record of the Expert Group on Cybercrime is imported

  Rule: An extension keeps the original deadline on record and says why

    Example: The 2020 deadline moves from 12 March to 1 June 2020, a week after the session was postponed
      Then comments for 2020 under the 2018-2021 workplan of cybercrime-egm are requested on 10 January 2020 with the deadline 12 March 2020
      And the 6th session of cybercrime-egm is postponed from 6–8 April 2020 to 27–29 July 2020 on 13 March 2020 because "Due to the impact of the COVID-19 pandemic"
      And the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is extended from 12 March 2020 to 1 June 2020 on 20 March 2020 because "Postponement of the session caused by the outbreak of COVID-19"
      And the history of the 2018-2021 workplan of cybercrime-egm reads:
        | entry              | on              |
        | workplan adopted   | 5 April 2018    |
        | comments requested | 10 January 2020 |
        | deadline extended  | 20 March 2020   |

  Rule: An extension is later than the deadline in force

    Example: Extending the 2020 deadline to 1 May 2020 is refused
      When these entries are imported:
        """
        - command: extend-deadline
          body: cybercrime-egm
          period: 2018-2021
          cycle: 2020
          to: 2020-05-01
          reason: Further requests from Member States
          on: 2020-04-15
        """
      Then the import stops at entry 1
      And the officer is told "the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is 2020-06-01; an extension must be later, and 2020-05-01 is not"
      And nothing is recorded

  Rule: A comment is recorded as received only from someone known to have sent it

    Example: The page names no one who sent comments
      Then no submission is received for 2020 under the 2018-2021 workplan of cybercrime-egm
