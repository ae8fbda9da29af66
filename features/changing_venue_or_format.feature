Feature: Changing the venue or the format of a session
  As a secretariat officer
  I want to record a new venue for a session, or that it is held in person, hybrid or online
  So that delegations know where and how to attend

  Background:
    Given the body cybercrime-egm is established on 2010-12-21
    And the 6th session of cybercrime-egm is scheduled for 2020-04-06 to 2020-04-08 in "Vienna, Austria" on 2019-12-02
    And the 6th session of cybercrime-egm is postponed to new dates 2020-07-27 to 2020-07-29 on 2020-03-13 because "Impact of the COVID-19 pandemic"

  Rule: The venue or the format of a session changes until it opens

    Example: The postponed 6th session is held in hybrid format, with remote participation
      When the format of the 6th session of cybercrime-egm is changed to hybrid on 2020-07-01
      Then the history of the 6th session of cybercrime-egm ends with VenueChanged on 2020-07-01, with:
        | venue  | Vienna, Austria |
        | format | hybrid          |

    Example: A session moves to another venue in the same format
      When the venue of the 6th session of cybercrime-egm is changed to "Vienna International Centre, Vienna, Austria" on 2020-07-01
      Then the history of the 6th session of cybercrime-egm ends with VenueChanged on 2020-07-01, with:
        | venue  | Vienna International Centre, Vienna, Austria |
        | format | in-person                                    |

    Example: A session whose dates are to be determined moves online
      Given the 6th session of cybercrime-egm is postponed to dates to be determined on 2020-05-20 because "Travel restrictions remain in force"
      When the venue of the 6th session of cybercrime-egm is changed to "Online" and its format to online on 2020-06-01
      Then the history of the 6th session of cybercrime-egm ends with VenueChanged on 2020-06-01, with:
        | venue  | Online |
        | format | online |

  Rule: A change of venue changes the venue, the format, or both

    Example: Changing a session to the venue and format it already has is refused
      When the venue of the 6th session of cybercrime-egm is changed to "Vienna, Austria" on 2020-07-01
      Then the officer is told "the 6th session of cybercrime-egm is already held in-person at Vienna, Austria; nothing to change"
      And nothing is recorded

  Rule: A session that has opened, closed or been cancelled is not relocated

    Example: A closed session cannot be relocated
      Given the 6th session of cybercrime-egm is opened on 2020-07-27
      And the 6th session of cybercrime-egm is closed on 2020-07-29
      When the format of the 6th session of cybercrime-egm is changed to online on 2020-07-30
      Then the officer is told "the 6th session of cybercrime-egm is closed and cannot be relocated"
      And nothing is recorded

    Example: A cancelled session cannot be relocated
      Given the 6th session of cybercrime-egm is cancelled on 2020-05-20 because "Impact of the COVID-19 pandemic"
      When the venue of the 6th session of cybercrime-egm is changed to "Online" and its format to online on 2020-06-01
      Then the officer is told "the 6th session of cybercrime-egm is cancelled and cannot be relocated"
      And nothing is recorded
