Feature: Correcting a misspelt title is not a change
  As a secretariat officer
  I want to correct a session's title or venue as the record should always have read
  So that a typo leaves no page, while the record still proves what it said before the correction

  Background:
    Given the body cybercrime-egm is established on 21 December 2010
    And the 6th session of cybercrime-egm is scheduled for 6–8 April 2020 in "Vienna, Austria" on 2 December 2019, with:
      | title | Sixth meeting of the Expert Group on Cybercrme |
    And the 6th session of cybercrime-egm is postponed to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"

  Rule: A correction holds from the beginning: the calendar as of any date shows the corrected text

    Example: The misspelt title is corrected after the postponement
      When the title of the 6th session of cybercrime-egm is corrected to "Sixth meeting of the Expert Group on Cybercrime" on 1 April 2020 because "Misspelt when recorded"
      Then the title of the 6th session of cybercrime-egm is corrected to "Sixth meeting of the Expert Group on Cybercrime" on 1 April 2020 because "Misspelt when recorded"
      And the calendar as of 1 March 2020 shows the 6th session of cybercrime-egm titled "Sixth meeting of the Expert Group on Cybercrime"
      And the calendar as of 1 August 2020 shows the 6th session of cybercrime-egm titled "Sixth meeting of the Expert Group on Cybercrime"

    Example: The calendar as recorded before the correction shows the title then on record
      When the title of the 6th session of cybercrime-egm is corrected to "Sixth meeting of the Expert Group on Cybercrime" on 1 April 2020 because "Misspelt when recorded"
      Then the calendar as recorded just before the correction shows the 6th session of cybercrime-egm titled "Sixth meeting of the Expert Group on Cybercrme"
      And the calendar as of 1 March 2020 as recorded just before the correction shows the 6th session of cybercrime-egm titled "Sixth meeting of the Expert Group on Cybercrme"

  Rule: A correction is not a postponement nor a move

    Example: The session keeps its dates, its postponement and its calendar entry's revision
      Given the calendar file is imported by a delegation
      When the venue of the 6th session of cybercrime-egm is corrected to "Vienna International Centre, Vienna, Austria" on 1 April 2020 because "Written without the building"
      Then the calendar shows the 6th session of cybercrime-egm on 27–29 July 2020, scheduled
      And the calendar shows it postponed once
      And the delegation's entry for the 6th session of cybercrime-egm is the same one, revised 0 times, on 27–29 July 2020
      And the calendar as of 1 March 2020 shows the 6th session of cybercrime-egm in "Vienna International Centre, Vienna, Austria"

    Example: A venue changed later keeps the venue it was changed to, as of a later date
      Given the venue of the 6th session of cybercrime-egm is changed to "Online" and its format to online on 20 March 2020
      When the venue of the 6th session of cybercrime-egm is corrected to "Online, through Interprefy" on 1 April 2020 because "Platform named"
      Then the calendar as of 1 March 2020 shows the 6th session of cybercrime-egm in "Vienna, Austria"
      And the calendar as of 1 May 2020 shows the 6th session of cybercrime-egm in "Online, through Interprefy"

  Rule: A correction is allowed whatever the session's status, and must correct something

    Example: A closed session's title is corrected
      Given the 6th session of cybercrime-egm is opened on 27 July 2020
      And the 6th session of cybercrime-egm is closed on 29 July 2020
      When the title of the 6th session of cybercrime-egm is corrected to "Sixth meeting of the Expert Group on Cybercrime" on 1 September 2020 because "Misspelt when recorded"
      Then the calendar shows the 6th session of cybercrime-egm on 27–29 July 2020, closed
      And the calendar as of 1 March 2020 shows the 6th session of cybercrime-egm titled "Sixth meeting of the Expert Group on Cybercrime"

    Example: A correction that gives the title the session already has is refused
      When the title of the 6th session of cybercrime-egm is corrected to "Sixth meeting of the Expert Group on Cybercrme" on 1 April 2020 because "Misspelt when recorded"
      Then the officer is told "the 6th session of cybercrime-egm already reads 'Sixth meeting of the Expert Group on Cybercrme' at Vienna, Austria; nothing to correct"
      And nothing is recorded

    Example: A correction takes its place in the order of the session's decisions
      When the title of the 6th session of cybercrime-egm is corrected to "Sixth meeting of the Expert Group on Cybercrime" on 1 March 2020 because "Misspelt when recorded"
      Then the officer is told "this decision takes effect on 2020-03-01, before the last one recorded for the 6th session of cybercrime-egm (2020-03-13); decisions on a session are recorded in the order they take effect"
      And nothing is recorded
